import { EventType, type HistoryEvent, makeEvent, OrchestrationStatus } from './history.js';
import type { InstanceRow, Store } from './Store.js';

/** The instance ended (Completed, Failed or Terminated): tell its parent, fenced by execution id. */
export function notifyParent(
  store: Store,
  inst: InstanceRow,
  nowMs: number,
  outcome: { ok: true; result: string | null } | { ok: false; reason: string; details: string },
): void {
  if (inst.parent_id === null || inst.parent_task_id === null) return;
  const ev: HistoryEvent = outcome.ok
    ? makeEvent(EventType.SubOrchestrationInstanceCompleted, nowMs, {
        TaskScheduledId: inst.parent_task_id,
        Result: outcome.result,
      })
    : makeEvent(EventType.SubOrchestrationInstanceFailed, nowMs, {
        TaskScheduledId: inst.parent_task_id,
        Reason: outcome.reason,
        Details: outcome.details,
        FailureDetails: null,
      });
  store.enqueue(inst.parent_id, inst.parent_execution_id, nowMs, ev);
}

/** ExecutionCompleted for a final status; `id` is the completion's sequence id (-1 for terminate). */
export function executionCompleted(
  nowMs: number,
  id: number,
  status: number,
  result: string | null,
): HistoryEvent {
  return makeEvent(
    EventType.ExecutionCompleted,
    nowMs,
    { OrchestrationStatus: status, Result: result, FailureDetails: null },
    id,
  );
}

export { OrchestrationStatus };
