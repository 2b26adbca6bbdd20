import { z } from 'zod';

const duration = z.union([z.string(), z.number()]);

/** A named hook behaviour, as `setHook` takes it. */
export const hookBehaviourSchema = z.enum([
  'pass',
  'fail',
  'hang',
  'callback-pass',
  'callback-fail',
]);

const faultKinds = ['429', '500', '503', 'slow', 'hang', 'fail-lro'] as const;

/**
 * A fault to inject, as `injectFault` takes it. Either spelling works:
 * `{op, kind, times?, retryAfterSeconds?, delayMs?}` (counted) or
 * `{operation, status: 429|500|503 | slow: MS, probability}` (each call of the operation fails
 * with that probability, drawn from the scenario's seed). `times` caps how often it fires
 * either way; a fault with neither fires on every call until cleared.
 */
export const faultSchema = z
  .object({
    op: z.string().min(1).optional(),
    operation: z.string().min(1).optional(),
    kind: z.enum(faultKinds).optional(),
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    slow: z.number().nonnegative().optional(),
    probability: z.number().gt(0).max(1).optional(),
    times: z.number().int().positive().optional(),
    retryAfterSeconds: z.number().nonnegative().optional(),
    delayMs: z.number().nonnegative().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.op === undefined && f.operation === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['op'],
        message: 'expected an operation name (op or operation), got none',
      });
    }
    if (f.op !== undefined && f.operation !== undefined && f.op !== f.operation) {
      ctx.addIssue({
        code: 'custom',
        path: ['operation'],
        message: `expected the same name as op (${f.op}), got ${f.operation}`,
      });
    }
    const given = [f.kind, f.status, f.slow].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `expected exactly one of kind, status or slow, got ${given === 0 ? 'none' : 'several'}`,
      });
    }
  })
  .transform((f) => ({
    op: f.op ?? f.operation ?? '',
    kind:
      f.kind ??
      (f.slow !== undefined ? ('slow' as const) : (String(f.status) as '429' | '500' | '503')),
    ...(f.times !== undefined && { times: f.times }),
    ...(f.probability !== undefined && { probability: f.probability }),
    ...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: f.retryAfterSeconds }),
    ...((f.delayMs ?? f.slow) !== undefined && { delayMs: f.delayMs ?? f.slow }),
  }));

const slotSchema = z.object({
  name: z.string().min(1),
  /** Image reference `repo:tag` (resolved in the scenario registry) or none. */
  image: z.string().optional(),
  requestsPerSecond: z.number().nonnegative().default(0),
  state: z.enum(['Running', 'Stopped']).default('Running'),
});

const siteSchema = z.object({
  name: z.string().min(1),
  resourceGroup: z.string().min(1),
  image: z.string().optional(),
  requestsPerSecond: z.number().nonnegative().default(0),
  state: z.enum(['Running', 'Stopped']).default('Running'),
  /** Name of the Application Insights component the site's apps report to. */
  appInsights: z.string().optional(),
  /**
   * Custom domains bound to the site (ARM `hostNames` lists them with the default host name);
   * users reach production through the first, so its requests are logged under that host.
   */
  customDomains: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default([]),
  slots: z.array(slotSchema).default([]),
});

/**
 * A sandbox scenario: the Azure estate the sandbox simulates and how it behaves. Loaded from
 * YAML or JSON; every field but `sites` has a default.
 */
export const scenarioSchema = z.object({
  subscriptionId: z.string().default('00000000-0000-0000-0000-000000000000'),
  tenantId: z.string().default('11111111-1111-1111-1111-111111111111'),
  location: z.string().default('West Europe'),
  seed: z.number().int().default(1),
  registry: z
    .object({
      loginServer: z.string().default('pwbiregistry.azurecr.io'),
      resourceGroup: z.string().default('pwbi-shared'),
      images: z
        .array(z.object({ image: z.string(), profile: z.string().default('healthy') }))
        .default([]),
    })
    .prefault({}),
  sites: z.array(siteSchema).min(1),
  appInsights: z
    .array(
      z.object({
        name: z.string(),
        resourceGroup: z.string(),
        workspace: z.string(),
      }),
    )
    .default([]),
  workspaces: z
    .array(
      z.object({
        name: z.string(),
        resourceGroup: z.string(),
        /** The workspace (customer) id that queryWorkspace takes. */
        customerId: z.string(),
      }),
    )
    .default([]),
  telemetry: z
    .object({
      ingestionDelay: duration.default('2m'),
      /** How many request paths the simulated traffic spreads over. */
      paths: z.array(z.string()).default(['/api/reports', '/api/datasets', '/api/refresh']),
    })
    .prefault({}),
  apps: z
    .object({
      startupDelay: duration.default('20s'),
      /** Cap on real sleeping in an app server per request (real and scaled clocks only). */
      maxRealDelayMs: z.number().nonnegative().default(2000),
    })
    .prefault({}),
  swap: z
    .object({
      /** Sandbox-clock time a swap takes once accepted. */
      duration: duration.default('0s'),
      /** How many polls of the operation answer 202 before the final 200. */
      polls: z.number().int().min(0).default(1),
    })
    .prefault({}),
  hooks: z
    .record(
      z.string(),
      z.union([
        hookBehaviourSchema,
        z.object({ behaviour: hookBehaviourSchema, delay: duration.optional() }),
      ]),
    )
    .default({}),
  faults: z.array(faultSchema).default([]),
});

/** A parsed scenario with defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A fault description (see {@link faultSchema}), normalised: `op` and `kind`. */
export type FaultSpec = z.output<typeof faultSchema>;
/** A fault as written (either spelling of {@link faultSchema}). */
export type FaultInput = z.input<typeof faultSchema>;
/** A hook behaviour name. */
export type HookBehaviour = z.output<typeof hookBehaviourSchema>;
