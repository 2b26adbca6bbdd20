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

function* runProduction(
  context: OrchestrationContext,
  input: StageInput,
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  const { stage, digest } = input;
  const slotName = stage.target.slot ?? 'staging';
  const slot: TargetRef & { slot: string } = { ...stage.target, slot: slotName };
  const { slot: _slot, ...productionTarget } = stage.target;

  const before = yield* callActivity(context, 'readSlots', { target: slot }, armRetry);
  const previousDigest = before.productionDigest ?? '';
  const alreadyLive = before.productionDigest === digest;
  tracker.step('production lock acquired', { previousDigest });

  if (!alreadyLive) {
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
    if (!warm.ok)
      return tracker.result('Failed', `slot ${slotName} did not warm up: ${warm.detail}`);

    tracker.step('running preSwap hooks', { previousDigest });
    const hooks = yield* runHookPhase(context, input, 'preSwap', tracker);
    const failed = hooks.filter((c) => c.status === 'Failed');
    if (failed.length > 0) {
      const reason = failed.map((c) => `hook ${c.name} failed: ${c.detail ?? ''}`).join('; ');
      return tracker.result('Failed', reason);
    }
  }

  const lastCall = yield* pollCancel(context, input.releaseId);
  if (lastCall !== undefined) return tracker.result('Canceled', cancelReason(lastCall));
  if (!alreadyLive) {
    const ended = yield* runCanary(context, input, slotName, previousDigest, tracker);
    if (ended !== undefined) return ended;
  }
  tracker.step(`swapping slot ${slotName} into production`, { previousDigest });
  const swap = yield* swapSlots(context, slot, digest);
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

  tracker.step('verifying production serves the new image', { previousDigest, swappedAt });
  const verify = yield* waitUntilReady(context, {
    target: productionTarget,
    digest,
    path: stage.warmup?.path ?? defaultWarmup.path,
    expectStatus: 200,
    timeoutMs: verifyTimeoutMs,
    intervalMs: verifyIntervalMs,
  });
  tracker.check({
    name: 'verify',
    status: verify.ready ? 'Passed' : 'Failed',
    detail: verify.detail,
  });
  if (!verify.ready)
    return tracker.result('Failed', `production does not serve ${digest}: ${verify.detail}`);

  if (stage.monitor === undefined) return tracker.result('Succeeded');
  tracker.step('monitoring production', { previousDigest, swappedAt });
  const monitorInput: MonitorInput = {
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: stage.name,
    plan: stage.monitor,
    site: productionTarget,
    slot: slotName,
    hostNames: productionHosts(before, stage.monitor.hosts ?? []),
    swappedAt,
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
