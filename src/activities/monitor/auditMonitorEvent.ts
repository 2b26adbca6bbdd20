import type { MonitorAuditInput } from './contracts.js';
import type { MonitorDeps } from './MonitorDeps.js';

/** Appends one audit event of the monitor; the store keeps one event per `eventId`. */
export async function auditMonitorEvent(
  deps: MonitorDeps,
  input: MonitorAuditInput,
): Promise<null> {
  await deps.audit.append({
    eventId: input.eventId,
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: input.stage,
    at: input.at,
    type: input.type,
    ...(input.actor !== undefined && { actor: input.actor }),
    detail: input.detail,
  });
  return null;
}
