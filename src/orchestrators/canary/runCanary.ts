import type { OrchestrationContext, Task } from 'durable-functions';

import {
  type CanaryInput,
  canaryInstanceId,
  canaryOrchestratorName,
  type CanaryResult,
} from '../../domain/canary/index.js';
import type { StageInput, StageResult } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { shareZeroRetry } from '../calls/RetryPolicy.js';
import type { StageTracker } from '../stage/StageTracker.js';

/**
 * The canary phase of a production stage, between warm-up (and preSwap hooks) and the swap:
 * runs `canaryRelease` as a sub-orchestration (instance `${releaseId}-canary`, where the API
 * raises promote, rollback and cancel). Returns undefined when every step passed (the rule is
 * cleared: swap next), or the stage's result when the canary ended it (RolledBack after an
 * abort to 0 %, Failed when even that failed). Should the sub-orchestration itself fail, the
 * slot's share is set to 0 % here, so no rule is left behind.
 */
export function* runCanary(
  context: OrchestrationContext,
  input: StageInput,
  slot: string,
  previousDigest: string,
  tracker: StageTracker,
): Generator<Task, StageResult | undefined, unknown> {
  const { stage } = input;
  const plan = stage.canary;
  const monitor = stage.monitor;
  if (plan === undefined || monitor === undefined) return undefined;
  const { slot: _slot, ...site } = stage.target;
  const canaryInput: CanaryInput = {
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: stage.name,
    canary: plan,
    monitor,
    site,
    slot,
    previousDigest,
    newDigest: input.digest,
    image: input.image,
  };
  tracker.step(`canary: ${plan.stepsPercent.join('% → ')}% of production traffic to ${slot}`, {
    previousDigest,
  });
  tracker.check({ name: 'canary', status: 'Running' });
  let result: CanaryResult;
  try {
    result = (yield context.df.callSubOrchestrator(
      canaryOrchestratorName,
      canaryInput,
      canaryInstanceId(input.releaseId),
    )) as CanaryResult;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return yield* resetShare(context, { site, slot }, detail, tracker);
  }
  return canaryEnded(result, plan.stepsPercent, tracker);
}

/** The canary orchestration failed: take the slot's share to 0 % here, then fail the stage. */
function* resetShare(
  context: OrchestrationContext,
  where: { site: CanaryInput['site']; slot: string },
  detail: string,
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  try {
    yield* callActivity(context, 'canarySetShare', { ...where, percent: 0 }, shareZeroRetry);
  } catch {
    // Reported below; the slot runs the new digest and may still get its share.
    tracker.check({ name: 'canary', status: 'Failed', detail: `${detail}; share not reset` });
    return tracker.result('Failed', `canary failed and its share could not be reset: ${detail}`);
  }
  tracker.check({ name: 'canary', status: 'Failed', detail });
  return tracker.result('Failed', `canary failed: ${detail}`);
}

/** The stage's result after the canary: undefined to swap next, else how it ended. */
function canaryEnded(
  result: CanaryResult,
  stepsPercent: readonly number[],
  tracker: StageTracker,
): StageResult | undefined {
  switch (result.outcome) {
    case 'promoted':
      tracker.check({
        name: 'canary',
        status: 'Passed',
        detail: `${result.steps} steps passed (${stepsPercent.join('%, ')}%)`,
      });
      return undefined;
    case 'aborted':
      tracker.check({ name: 'canary', status: 'Failed', detail: result.reason });
      return tracker.result('RolledBack', `canary aborted (share 0%): ${result.reason}`);
    case 'abortFailed':
      tracker.check({ name: 'canary', status: 'Failed', detail: result.error });
      return tracker.result('Failed', `canary abort failed: ${result.error} (${result.reason})`);
  }
}
