import type { OrchestrationContext, Task } from 'durable-functions';

import type { MonitorInput } from '../../domain/monitor/contract.js';
import type { ForgedEvent, ForgedEventAudit } from '../calls/trustEvent.js';
import { callMonitorActivity } from './callMonitorActivity.js';

/**
 * The {@link ForgedEventAudit} of `monitorRelease`: a `forgedEventIgnored` monitor audit event
 * with the event name and the claimed `by` (never the seal). Best effort; one per ignored event.
 */
export function auditForgedMonitorEvent(
  context: OrchestrationContext,
  input: Pick<MonitorInput, 'releaseId' | 'pipeline' | 'stage'>,
): ForgedEventAudit {
  return function* (forged: ForgedEvent): Generator<Task, void, unknown> {
    const at = context.df.currentUtcDateTime;
    try {
      yield* callMonitorActivity(context, 'monitorAudit', {
        eventId: `${context.df.instanceId}:forgedEventIgnored:${forged.event}:${at.getTime()}`,
        releaseId: input.releaseId,
        pipeline: input.pipeline,
        stage: input.stage,
        at: at.toISOString(),
        type: 'forgedEventIgnored',
        actor: forged.claimedBy,
        detail: { event: forged.event, claimedBy: forged.claimedBy },
      });
    } catch {
      // Best effort: the event is ignored whether or not the audit line was written.
    }
  };
}
