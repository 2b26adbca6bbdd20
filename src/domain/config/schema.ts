import { z } from 'zod';

import { durationExpectation, tryParseDuration } from '../duration.js';
import { configLimits } from './limits.js';
import { strategySchema } from './strategy.js';

/** A duration string (`90s`, `10m`, `1h`, `3d`) parsed to milliseconds. */
const duration = z
  .string()
  .refine((text) => tryParseDuration(text) !== undefined, { error: durationExpectation })
  .transform((text) => tryParseDuration(text) ?? 0)
  .meta({ description: `${durationExpectation}`, pattern: '^(\\d+(\\.\\d+)?(ms|s|m|h|d))+$' });

const name = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?$/, {
  error: 'a lowercase name of letters, digits and dashes',
});

const urlPath = z.string().regex(/^\/[^\s?#]*(\?[^\s#]*)?$/, { error: 'a path starting with /' });

const email = z.email({ error: 'an email address' });

const source = z.strictObject({
  registry: z.string().regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9](:\d+)?$/, {
    error: 'a registry host such as myregistry.azurecr.io',
  }),
  repository: z
    .string()
    .regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, { error: 'a repository name such as team/app' }),
  tags: z.array(z.string().min(1)).min(1).default(['*']),
});

const notify = z.strictObject({
  slack: z.string().min(1),
  critical: z.string().min(1).optional(),
});

const target = z.strictObject({
  subscription: z.string().min(1).optional(),
  resourceGroup: z.string().min(1),
  site: z.string().min(1),
  slot: z.string().min(1).optional(),
});

const approval = z
  .strictObject({
    approvers: z
      .array(email.max(configLimits.approverEmailChars))
      .min(1)
      .max(configLimits.approversPerStage),
    /** How many distinct approvers must approve (a quorum); default 1. */
    required: z.number().int().min(1).default(1),
    timeout: duration.prefault('72h'),
    distinctFrom: z.array(z.string()).default([]),
  })
  .transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));

const smoke = z
  .strictObject({
    path: urlPath.default('/health'),
    timeout: duration.prefault('2m'),
    expectStatus: z.number().int().min(100).max(599).default(200),
  })
  .transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));

const check = z.strictObject({ smoke });

/** When a hook runs within its stage. */
export const hookPhases = ['preMigrate', 'migrate', 'verify', 'preSwap', 'onFailure'] as const;

const hook = z
  .strictObject({
    name,
    phase: z.enum(hookPhases),
    url: z.string().min(1),
    timeout: duration.prefault('10m'),
  })
  .transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));

const warmup = z
  .strictObject({
    path: urlPath.default('/health'),
    successes: z.number().int().min(1).max(1000).default(10),
    interval: duration.prefault('2s'),
    timeout: duration.prefault('5m'),
  })
  .transform(({ interval, timeout, ...rest }) => ({
    ...rest,
    intervalMs: interval,
    timeoutMs: timeout,
  }));

const thresholds = z
  .strictObject({
    errorRate: z.number().min(0).max(1).default(0.01),
    p95: duration.prefault('2s'),
    minRequests: z.number().int().min(0).default(50),
  })
  .transform(({ p95, ...rest }) => ({ ...rest, p95Ms: p95 }));

const monitor = z
  .strictObject({
    duration: duration.prefault('1h'),
    interval: duration.prefault('1m'),
    lookback: duration.prefault('5m'),
    // Application Insights logs are typically queryable 20 s – 3 min after the request, and
    // indexing can take up to ~5 min at low volume (Azure Monitor "Log data ingestion time").
    ingestionDelay: duration.prefault('5m'),
    appInsights: z.string().min(1),
    // Extra host names production traffic is logged under (Front Door, Application Gateway);
    // the production site's own host names (custom domains included) are always used.
    hosts: z
      .array(
        z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, {
          error: 'a DNS host name such as www.contoso.com',
        }),
      )
      .default([]),
    table: z.enum(['AppRequests', 'requests']).default('AppRequests'),
    thresholds: thresholds.prefault({}),
    failureLimit: z.number().int().min(1).default(1),
    inconclusive: z.enum(['continue', 'rollback', 'pause']).default('continue'),
    health: z
      .strictObject({ path: urlPath.default('/health'), timeout: duration.prefault('10s') })
      .transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }))
      .prefault({}),
  })
  .transform(({ duration: durationMs, interval, lookback, ingestionDelay, ...rest }) => ({
    ...rest,
    durationMs,
    intervalMs: interval,
    lookbackMs: lookback,
    ingestionDelayMs: ingestionDelay,
  }));

/**
 * An app's own version endpoint: `GET path` answers 200 with a body containing `expect`, in
 * which `{digest}` stands for the digest being deployed (e.g. `{"image":"…@sha256:…"}`). With
 * it, readiness and post-swap checks confirm the new image serves; without it they rest on
 * App Service's configuration and state (a real app sends no header naming its image).
 */
const verify = z.strictObject({
  path: urlPath,
  expect: z.string().min(1).default('{digest}'),
});

const stage = z.strictObject({
  name,
  target,
  approval: approval.optional(),
  checks: z.array(check).max(configLimits.checksPerStage).default([]),
  hooks: z.array(hook).max(configLimits.hooksPerStage).default([]),
  warmup: warmup.optional(),
  verify: verify.optional(),
  monitor: monitor.optional(),
  strategy: strategySchema,
});

const pipeline = z
  .strictObject({
    name,
    source,
    notify: notify.optional(),
    stages: z.array(stage).min(1).max(configLimits.stages),
  })
  .transform(({ stages, ...rest }) => {
    // A stage without a subscription deploys into the nearest earlier stage's one;
    // crossChecks reports a first stage that names none.
    let subscription = '';
    return {
      ...rest,
      stages: stages.map((s) => {
        subscription = s.target.subscription ?? subscription;
        return { ...s, target: { ...s.target, subscription } };
      }),
    };
  });

/** The whole `slotpilot.yaml` file. */
export const configSchema = z.strictObject({
  pipelines: z.array(pipeline).min(1),
  /** Approvals from Slack: Slack user id (`U…`) → the approver's email. */
  slack: z.strictObject({ users: z.record(z.string().min(1), email).default({}) }).optional(),
});

/** A validated pipeline configuration, durations in milliseconds, `%NAME%` resolved. */
export type SlotpilotConfig = z.output<typeof configSchema>;
/** One pipeline: an image source and its stages in order. */
export type PipelineConfig = SlotpilotConfig['pipelines'][number];
/** One stage of a pipeline: where it deploys and what guards it. */
export type StageConfig = PipelineConfig['stages'][number];
/** A gate hook called by a stage. */
export type HookConfig = StageConfig['hooks'][number];
/** The phase a hook runs in. */
export type HookPhase = (typeof hookPhases)[number];
/** Post-swap monitoring settings of a production stage. */
export type MonitorConfig = NonNullable<StageConfig['monitor']>;
/** Approval settings of a stage. */
export type ApprovalConfig = NonNullable<StageConfig['approval']>;
/** Warm-up settings of a slot stage. */
export type WarmupConfig = NonNullable<StageConfig['warmup']>;
