import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from './callActivity.js';
import { nowIso, nowMs } from './clock.js';
import type { ReleaseRef } from './report.js';
import { reportRetry } from './RetryPolicy.js';
import type { ForgedEvent, ForgedEventAudit } from './trustEvent.js';

/**
 * The {@link ForgedEventAudit} of a release orchestration (or one of its stages): appends a
 * `forgedEventIgnored` audit event with the event name and the claimed `by` (never the
 * seal). Best effort; one audit event per ignored event (the id carries the orchestration time).
 * `type` `staleDecisionIgnored` marks a sealed decision that answers an earlier wait.
 */
export function auditForgedEvent(
  context: OrchestrationContext,
  release: Pick<ReleaseRef, 'releaseId' | 'pipeline'>,
  stage?: string,
  type: 'forgedEventIgnored' | 'staleDecisionIgnored' = 'forgedEventIgnored',
): ForgedEventAudit {
  return function* (forged: ForgedEvent): Generator<Task, void, unknown> {
    try {
      yield* callActivity(
        context,
        'recordAudit',
        {
          eventId: `${context.df.instanceId}:${type}:${forged.event}:${nowMs(context)}`,
          releaseId: release.releaseId,
          pipeline: release.pipeline,
          at: nowIso(context),
          type,
          ...(stage === undefined ? {} : { stage }),
          actor: forged.claimedBy,
          detail: { event: forged.event, claimedBy: forged.claimedBy },
        },
        reportRetry,
      );
    } catch {
      // Best effort: the event is ignored whether or not the audit line was written.
    }
  };
}
