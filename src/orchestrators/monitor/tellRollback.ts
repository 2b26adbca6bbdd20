import type { OrchestrationContext, Task } from 'durable-functions';

import type { MonitorInput } from '../../domain/monitor/contract.js';
import { auditBestEffort } from '../calls/audit.js';
import { callActivity } from '../calls/callActivity.js';
import { nowIso } from '../calls/clock.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import type { RollbackCause, RollbackOutcome } from './RollbackCause.js';

/** Critical notification and audit record of the outcome (best effort). */
export function* tellRollback(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  cause: RollbackCause,
  outcome: Extract<RollbackOutcome, { outcome: 'rolledBack' | 'rollbackFailed' }>,
): Generator<Task, void, unknown> {
  const times = {
    detectedAt: outcome.detectedAt,
    decidedAt: outcome.decidedAt,
    ...(outcome.outcome === 'rolledBack' && { swapBackCompletedAt: outcome.swapBackCompletedAt }),
  };
  const failure = outcome.outcome === 'rollbackFailed' && {
    error: outcome.error,
    ...(outcome.command !== undefined && { command: outcome.command }),
  };
  try {
    yield* callActivity(
      context,
      'monitorNotifyRollback',
      {
        releaseId: target.releaseId,
        pipeline: target.pipeline,
        stage: target.stage,
        image: target.image,
        outcome: outcome.outcome,
        trigger: cause.trigger,
        reason: cause.reason,
        evidence: outcome.evidence,
        ...times,
        ...failure,
      },
      sideEffectRetry,
    );
  } catch {
    // Best effort: the audit record below still tells what happened.
  }
  yield* auditBestEffort(context, 'monitorAudit', {
    eventId: `${target.releaseId}:${outcome.outcome}`,
    releaseId: target.releaseId,
    pipeline: target.pipeline,
    stage: target.stage,
    at: nowIso(context),
    type: outcome.outcome === 'rolledBack' ? 'rolled back' : 'rollback failed',
    actor: cause.actor,
    detail: {
      trigger: cause.trigger,
      reason: cause.reason,
      evidence: outcome.evidence,
      previousDigest: target.previousDigest,
      newDigest: target.newDigest,
      ...times,
      ...failure,
    },
  });
}
