/**
 * Given/When/Then helpers for the canary e2e files (canary-*.test.ts): a pipeline world whose
 * production stage runs a canary before the swap, and reads of the `${id}-canary`
 * sub-orchestration and of the site's routing history. Acts only through the API, the
 * sandbox and the dev host.
 */
import type { InstanceStatus } from '../../devhost/index.js';
import type { CanaryCustomStatus, CanaryResult } from '../../src/domain/canary/index.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { PipelineWorld, users, type WorldOptions } from './support/PipelineWorld.js';

export { PipelineWorld, users };
export { releaseToProduction } from './monitor-world.js';

/** Starts a world whose production stage runs `canary` (merged over 5/25/50 % × 5m) then monitors. */
export function startCanaryWorld(
  canary: Record<string, unknown> = {},
  monitor: Record<string, unknown> = {},
  options: Omit<WorldOptions, 'config'> = {},
): Promise<PipelineWorld> {
  return PipelineWorld.start({
    ...options,
    config: {
      monitor: true,
      edit: (doc: ConfigDoc) => {
        for (const stage of doc.pipelines[0]?.stages ?? []) {
          if (stage.monitor === undefined) continue;
          stage.monitor = {
            ...(stage.monitor as Record<string, unknown>),
            duration: '10m',
            ...monitor,
          };
          stage.strategy = { canary: { steps: [5, 25, 50], stepDuration: '5m', ...canary } };
        }
      },
    },
  });
}

/** Then: runs time until the canary's status satisfies `predicate` (or it ended). */
export function untilCanary(
  world: PipelineWorld,
  releaseId: string,
  predicate: (s: CanaryCustomStatus, raw: InstanceStatus) => boolean,
  maxVirtualMs = 3 * 3_600_000,
): Promise<InstanceStatus> {
  const ended = (raw: InstanceStatus) =>
    ['Completed', 'Failed', 'Terminated'].includes(raw.runtimeStatus);
  return world.host.waitFor(
    `${releaseId}-canary`,
    (raw) =>
      ended(raw) ||
      (raw.customStatus !== null &&
        raw.customStatus !== undefined &&
        predicate(raw.customStatus as CanaryCustomStatus, raw)),
    { maxVirtualMs, realTimeoutMs: 60_000 },
  );
}

/** Then: the canary's result once it completed. */
export async function canaryResult(world: PipelineWorld, releaseId: string): Promise<CanaryResult> {
  const raw = await untilCanary(world, releaseId, () => false);
  if (raw.runtimeStatus !== 'Completed') {
    throw new Error(`canary ${releaseId}: ${raw.runtimeStatus} ${JSON.stringify(raw.output)}`);
  }
  return raw.output as CanaryResult;
}

/** The percentages production sent to `slot` over time (0 when no rule names it). */
export function sharesOverTime(world: PipelineWorld, slot = 'staging'): number[] {
  return world.sandbox
    .routingHistory('pwbi-api-prod')
    .map((r) => r.rules.find((rule) => rule.name === slot)?.reroutePercentage ?? 0);
}

/** The routing rules production has now. */
export function rulesNow(world: PipelineWorld): unknown[] {
  return world.sandbox.routingHistory('pwbi-api-prod').at(-1)?.rules ?? [];
}
