import type { OrchestrationContext, Task } from 'durable-functions';

import type { CanaryInput, CanaryResult } from '../../domain/canary/index.js';
import type { RollbackProgress } from '../../domain/release/index.js';
import { auditBestEffort } from '../calls/audit.js';
import { callActivity } from '../calls/callActivity.js';
import { nowIso } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { shareZeroRetry, sideEffectRetry } from '../calls/RetryPolicy.js';
import type { RollbackCause } from '../monitor/rollBack.js';

/**
 * Aborts a canary: takes the slot's share of production traffic to 0 % at once (no swap:
 * production never stopped running the previous digest), verifies the site has no rule left
 * for the slot, then sends the critical notification and writes the audit record with the
 * evidence and the detected, decided and done (share 0 %) times. `publish` is called when the
 * abort is decided and when it is done. Idempotent and resumable: setting 0 % twice is a no-op.
 */
export function* abortCanary(
  context: OrchestrationContext,
  input: CanaryInput,
  cause: RollbackCause,
  publish: (progress: RollbackProgress, step: string) => void,
): Generator<Task, CanaryResult, unknown> {
  const decidedAt = nowIso(context);
  const progress: RollbackProgress = {
    reason: cause.reason,
    evidence: { trigger: cause.trigger, strategy: 'canary', ...cause.evidence },
    at: decidedAt,
    detectedAt: cause.detectedAt,
    decidedAt,
  };
  publish(progress, `aborting the canary: ${cause.reason}`);
  let error: string | undefined;
  try {
    yield* callActivity(
      context,
      'canarySetShare',
      { site: input.site, slot: input.slot, percent: 0 },
      shareZeroRetry,
    );
    const after = yield* callActivity(
      context,
      'canaryReadShares',
      { site: input.site },
      sideEffectRetry,
    );
    const left = after.shares.filter((s) => s.name === input.slot && s.percent > 0);
    if (left.length > 0) error = `routing still sends ${left[0]?.percent ?? 0}% to ${input.slot}`;
  } catch (caught) {
    error = failureReason(caught);
  }
  const doneAt = nowIso(context);
  const result: CanaryResult =
    error === undefined
      ? {
          outcome: 'aborted',
          trigger: cause.trigger,
          reason: cause.reason,
          evidence: progress.evidence,
          detectedAt: cause.detectedAt,
          decidedAt,
          shareZeroAt: doneAt,
        }
      : { outcome: 'abortFailed', reason: cause.reason, error };
  if (result.outcome === 'aborted') {
    publish({ ...progress, swapBackCompletedAt: doneAt }, 'canary aborted: share 0%');
  } else {
    publish({ ...progress, evidence: { ...progress.evidence, error } }, `abort failed: ${error}`);
  }
  yield* tell(context, input, cause, result, decidedAt, doneAt);
  return result;
}

/** Critical notification and audit record (best effort: they never change the outcome). */
function* tell(
  context: OrchestrationContext,
  input: CanaryInput,
  cause: RollbackCause,
  result: CanaryResult,
  decidedAt: string,
  doneAt: string,
): Generator<Task, void, unknown> {
  const done = result.outcome === 'aborted';
  const times = {
    detectedAt: cause.detectedAt,
    decidedAt,
    ...(done && { swapBackCompletedAt: doneAt }),
  };
  const evidence = { trigger: cause.trigger, strategy: 'canary', ...cause.evidence };
  const error = result.outcome === 'abortFailed' ? result.error : undefined;
  try {
    yield* callActivity(
      context,
      'monitorNotifyRollback',
      {
        releaseId: input.releaseId,
        pipeline: input.pipeline,
        stage: input.stage,
        image: input.image,
        outcome: done ? 'rolledBack' : 'rollbackFailed',
        trigger: cause.trigger,
        reason: `canary aborted (share of ${input.slot} set to 0%): ${cause.reason}`,
        evidence,
        ...times,
        ...(error !== undefined && { error }),
      },
      sideEffectRetry,
    );
  } catch {
    // Best effort: the audit record below still tells what happened.
  }
  yield* auditBestEffort(context, 'monitorAudit', {
    eventId: `${input.releaseId}:canary-${done ? 'aborted' : 'abort-failed'}`,
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: input.stage,
    at: doneAt,
    type: done ? 'canary aborted' : 'canary abort failed',
    actor: cause.actor,
    detail: {
      trigger: cause.trigger,
      reason: cause.reason,
      evidence,
      previousDigest: input.previousDigest,
      newDigest: input.newDigest,
      ...times,
      ...(error !== undefined && { error }),
    },
  });
}
