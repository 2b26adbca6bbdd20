/**
 * Given/When/Then helpers for the canary e2e files (canary-*.test.ts): a pipeline world whose
 * production stage runs a canary before the swap, and reads of the `${id}-canary`
 * sub-orchestration and of the site's routing history. Acts only through the API, the
 * sandbox and the dev host.
 */
import { after, before } from 'node:test';

import type { InstanceStatus } from '../../devhost/index.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { CanaryCustomStatus, CanaryResult } from '../../src/domain/canary/index.js';
import type { ReleaseCustomStatus } from '../../src/domain/release/index.js';
import type { ConfigDoc, ConfigVariant } from './support/pipelineConfig.js';
import { PipelineWorld, type Pushed, users, type WorldOptions } from './support/PipelineWorld.js';

export { PipelineWorld, users };

/** The config of a canary world: production runs `canary` (merged over 5/25/50 % × 5m), then monitors. */
export function canaryConfig(
  canary: Record<string, unknown> = {},
  monitor: Record<string, unknown> = {},
): ConfigVariant {
  return {
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
  };
}

/** Starts a world whose production stage runs `canary` (see {@link canaryConfig}). */
export function startCanaryWorld(
  canary: Record<string, unknown> = {},
  monitor: Record<string, unknown> = {},
  options: Omit<WorldOptions, 'config'> = {},
): Promise<PipelineWorld> {
  return PipelineWorld.start({ ...options, config: canaryConfig(canary, monitor) });
}

/**
 * Given: one canary world for the test file (see {@link startCanaryWorld}), started before
 * its tests and stopped after them; the returned function reads it.
 */
export function canaryWorldPerFile(
  ...args: Parameters<typeof startCanaryWorld>
): () => PipelineWorld {
  let world: PipelineWorld | undefined;
  before(async () => {
    world = await startCanaryWorld(...args);
  });
  after(async () => {
    await world?.stop();
  });
  return () => {
    if (world === undefined) throw new Error('the canary world did not start');
    return world;
  };
}

/**
 * When: `tag` with `profile` is released to production and its canary runs to its end.
 * Returns the digest production ran before, the push, the canary's result and the release's
 * final status.
 */
export async function runCanaryRelease(
  world: PipelineWorld,
  tag: string,
  profile: string,
): Promise<{
  previous: string | undefined;
  pushed: Pushed;
  result: CanaryResult;
  done: ReleaseCustomStatus;
}> {
  const pushed = await world.releaseToProduction(tag, profile);
  const result = await canaryResult(world, pushed.releaseId);
  const done = await world.untilEnded(pushed.releaseId);
  return { previous: pushed.previousDigest, pushed, result, done };
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
export function sharesOverTime(world: { sandbox: Sandbox }, slot = 'staging'): number[] {
  return world.sandbox
    .routingHistory('pwbi-api-prod')
    .map((r) => r.rules.find((rule) => rule.name === slot)?.reroutePercentage ?? 0);
}

/** The routing rules production has now. */
export function rulesNow(world: { sandbox: Sandbox }): unknown[] {
  return world.sandbox.routingHistory('pwbi-api-prod').at(-1)?.rules ?? [];
}
