import type { OrchestrationContext, Task } from 'durable-functions';

import type { TargetRef } from '../../activities/contracts.js';
import {
  type MonitorInput,
  monitorInstanceId,
  type MonitorResult,
} from '../../domain/monitor/contract.js';
import type { StageInput, StageResult } from '../../domain/release/index.js';
import { orchestratorNames } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { cancelReason, pollCancel } from '../calls/cancelChecks.js';
import { nowIso } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { report } from '../calls/report.js';
import { armRetry, deployRetry } from '../calls/RetryPolicy.js';
import { runCanary } from '../canary/runCanary.js';
import { runHookPhase } from '../stage/runHookPhase.js';
import { StageTracker } from '../stage/StageTracker.js';
import { waitUntilReady } from '../stage/waitUntilReady.js';
import { acquireLock } from './acquireLock.js';
import { swapSlots } from './swapSlots.js';
import { warmUp } from './warmUp.js';

const defaultWarmup = { path: '/health', successes: 3, intervalMs: 2_000, timeoutMs: 5 * 60_000 };
const verifyTimeoutMs = 2 * 60_000;
const verifyIntervalMs = 5_000;

/**
 * The `productionRelease` sub-orchestration: take the site's production lock, note the
 * digest production runs (previousDigest), deploy to the inactive slot, warm it up, run
 * preSwap hooks, swap, verify production serves the new digest, then `monitorRelease` when
 * the stage monitors. Releases the lock in every outcome. A cancel the release recorded
 * (`cancelRequested`) stops it before it deploys or before it swaps; after that it is ignored. Returns a
 * {@link StageResult}.
 */
export function* productionRelease(
  context: OrchestrationContext,
): Generator<Task, StageResult, unknown> {
  const input = context.df.getInput<StageInput>();
  const tracker = new StageTracker(context, input);
  const site = input.stage.target.site;
  let result: StageResult;
  try {
    yield* acquireLock(context, site, input.releaseId, tracker);
    result = yield* runProduction(context, input, tracker);
  } catch (error) {
    result = tracker.result('Failed', failureReason(error));
  }
  try {
    yield* callActivity(context, 'releaseLock', { site, holder: context.df.instanceId });
  } catch {
    // The lock notices a finished holder by itself (productionLock polls isInstanceActive).
  }
  return result;
}

/** The slot a production stage deploys to, and the production site it swaps into. */
interface Sides {
  slotName: string;
  slot: TargetRef & { slot: string };
  production: TargetRef;
  previousDigest: string;
}

function* runProduction(
  context: OrchestrationContext,
  input: StageInput,
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  const { stage, digest } = input;
  const slotName = stage.target.slot ?? 'staging';
  const slot: TargetRef & { slot: string } = { ...stage.target, slot: slotName };
  const { slot: _slot, ...production } = stage.target;
  const before = yield* callActivity(context, 'readSlots', { target: slot }, armRetry);
  const sides: Sides = {
    slotName,
    slot,
    production,
    previousDigest: before.productionDigest ?? '',
  };
  const alreadyLive = before.productionDigest === digest;
  tracker.step('production lock acquired', { previousDigest: sides.previousDigest });
  if (!alreadyLive) {
    const stopped = yield* prepareSlot(context, input, sides, tracker);
    if (stopped !== undefined) return stopped;
  }
  const lastCall = yield* pollCancel(context, input.releaseId);
  if (lastCall !== undefined) return tracker.result('Canceled', cancelReason(lastCall));
  if (!alreadyLive) {
    const ended = yield* runCanary(context, input, slotName, sides.previousDigest, tracker);
    if (ended !== undefined) return ended;
  }
  const swapped = yield* swapIn(context, input, sides, tracker);
  if (typeof swapped !== 'string') return swapped;
  const unverified = yield* verifyLive(context, input, sides, swapped, tracker);
  if (unverified !== undefined) return unverified;
  if (stage.monitor === undefined) return tracker.result('Succeeded');
  const hostNames = productionHosts(before, stage.monitor.hosts ?? []);
  return yield* monitorProduction(
    context,
    input,
    sides,
    { swappedAt: swapped, hostNames },
    tracker,
  );
}

/**
 * Deploys to the slot, warms it up and runs the preSwap hooks, unless a recorded cancel comes
 * first. Returns the stage's result when it stops here, else undefined.
 */
function* prepareSlot(
  context: OrchestrationContext,
  input: StageInput,
  sides: Sides,
  tracker: StageTracker,
): Generator<Task, StageResult | undefined, unknown> {
  const { stage, digest } = input;
  const { slot, slotName, previousDigest } = sides;
  const early = yield* pollCancel(context, input.releaseId);
  if (early !== undefined) return tracker.result('Canceled', cancelReason(early));
  tracker.step(`deploying ${digest} to slot ${slotName}`, { previousDigest });
  yield* callActivity(
    context,
    'deployImage',
    { pipeline: input.pipeline, stage: stage.name, target: slot, image: input.image },
    deployRetry,
  );
  const warm = yield* warmUp(context, slot, digest, stage.warmup ?? defaultWarmup, tracker);
  tracker.check({ name: 'warm-up', status: warm.ok ? 'Passed' : 'Failed', detail: warm.detail });
  if (!warm.ok) return tracker.result('Failed', `slot ${slotName} did not warm up: ${warm.detail}`);

  tracker.step('running preSwap hooks', { previousDigest });
  const hooks = yield* runHookPhase(context, input, 'preSwap', tracker);
  const failed = hooks.filter((c) => c.status === 'Failed');
  if (failed.length === 0) return undefined;
  const reason = failed.map((c) => `hook ${c.name} failed: ${c.detail ?? ''}`).join('; ');
  return tracker.result('Failed', reason);
}

/** Swaps the slot into production and reports it; returns the swap time, or the failure. */
function* swapIn(
  context: OrchestrationContext,
  input: StageInput,
  sides: Sides,
  tracker: StageTracker,
): Generator<Task, string | StageResult, unknown> {
  const { stage, digest } = input;
  const { slotName, previousDigest } = sides;
  tracker.step(`swapping slot ${slotName} into production`, { previousDigest });
  const swap = yield* swapSlots(context, sides.slot, digest);
  tracker.check({ name: 'swap', status: swap.ok ? 'Passed' : 'Failed', detail: swap.detail });
  if (!swap.ok) return tracker.result('Failed', swap.detail);
  const swappedAt = nowIso(context);
  yield* report(context, input, {
    key: `${stage.name}:swapped`,
    stage: stage.name,
    outcome: 'swapped',
    severity: 'info',
    text: `slot ${slotName} swapped into ${stage.target.site}: ${previousDigest || 'nothing'} → ${digest}`,
    detail: { previousDigest, digest },
  });
  return swappedAt;
}

/** Waits until production serves the new digest; the failed result when it does not. */
function* verifyLive(
  context: OrchestrationContext,
  input: StageInput,
  sides: Sides,
  swappedAt: string,
  tracker: StageTracker,
): Generator<Task, StageResult | undefined, unknown> {
  const { stage, digest } = input;
  tracker.step('verifying production serves the new image', {
    previousDigest: sides.previousDigest,
    swappedAt,
  });
  const verify = yield* waitUntilReady(context, {
    target: sides.production,
    digest,
    path: stage.warmup?.path ?? defaultWarmup.path,
    expectStatus: 200,
    timeoutMs: verifyTimeoutMs,
    intervalMs: verifyIntervalMs,
  });
  const status = verify.ready ? 'Passed' : 'Failed';
  tracker.check({ name: 'verify', status, detail: verify.detail });
  if (verify.ready) return undefined;
  return tracker.result('Failed', `production does not serve ${digest}: ${verify.detail}`);
}

/** Runs `monitorRelease` over the swapped production and maps its outcome to the stage's. */
function* monitorProduction(
  context: OrchestrationContext,
  input: StageInput,
  sides: Sides,
  watched: { swappedAt: string; hostNames: string[] },
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  const { stage, digest } = input;
  const plan = stage.monitor;
  if (plan === undefined) return tracker.result('Succeeded');
  const { previousDigest, slotName } = sides;
  tracker.step('monitoring production', { previousDigest, swappedAt: watched.swappedAt });
  const monitorInput: MonitorInput = {
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: stage.name,
    plan,
    site: sides.production,
    slot: slotName,
    hostNames: watched.hostNames,
    swappedAt: watched.swappedAt,
    previousDigest,
    newDigest: digest,
    image: input.image,
  };
  const monitorId = monitorInstanceId(input.releaseId);
  const monitored = (yield context.df.callSubOrchestrator(
    orchestratorNames.monitor,
    monitorInput,
    monitorId,
  )) as MonitorResult;
  switch (monitored.outcome) {
    case 'healthy':
      return tracker.result('Succeeded');
    case 'rolledBack':
      return tracker.result('RolledBack', `rolled back: ${monitored.reason}`);
    case 'rollbackFailed':
      return tracker.result(
        'Failed',
        `rollback failed: ${monitored.error} (${monitored.reason})` +
          (monitored.command === undefined
            ? ''
            : `; to finish it by hand run: ${monitored.command}`),
      );
  }
}

/**
 * Host names production traffic is logged under: every host name of the production site
 * (default and custom domains, from ARM) and the stage's `monitor.hosts`, lower-cased, once.
 */
function productionHosts(
  slots: { productionHostName: string; productionHostNames?: string[] },
  extra: readonly string[],
): string[] {
  const all = [...(slots.productionHostNames ?? [slots.productionHostName]), ...extra];
  return [...new Set(all.map((h) => h.toLowerCase()).filter((h) => h !== ''))];
}
