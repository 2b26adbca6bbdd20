import { executionCompleted, notifyParent, OrchestrationStatus } from './completionEvents.js';
import type { EngineDeps } from './EngineDeps.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import type { InstanceRow, MessageRow } from './Store.js';

/** Handles a control message alone (terminate, suspend, resume), without running the orchestrator. */
export function applyControl(
  deps: EngineDeps,
  inst: InstanceRow,
  msg: MessageRow,
  ev: HistoryEvent,
  nowMs: number,
): void {
  const { store } = deps;
  const events: HistoryEvent[] = [
    makeEvent(EventType.OrchestratorStarted, nowMs),
    { ...ev, Timestamp: new Date(nowMs).toISOString() },
  ];
  store.deleteMessages([msg.id]);
  if (ev.EventType === EventType.ExecutionTerminated) {
    const reason = (ev['Input'] as string | null) ?? '';
    let output: string;
    try {
      JSON.parse(reason);
      output = reason;
    } catch {
      output = JSON.stringify(reason);
    }
    events.push(executionCompleted(nowMs, -1, OrchestrationStatus.Terminated, reason));
    store.updateInstance(inst.id, { status: 'Terminated', output, updated_ms: nowMs });
    deps.log(`instance ${inst.id} terminated`);
    notifyParent(store, inst, nowMs, {
      ok: false,
      reason: `Orchestration '${inst.id}' was terminated: ${reason}`,
      details: '',
    });
  } else if (ev.EventType === EventType.ExecutionSuspended) {
    store.updateInstance(inst.id, { status: 'Suspended', updated_ms: nowMs });
  } else {
    store.updateInstance(inst.id, {
      status: inst.status === 'Suspended' ? 'Running' : inst.status,
      updated_ms: nowMs,
    });
  }
  events.push(makeEvent(EventType.OrchestratorCompleted, nowMs));
  store.appendHistory(inst.id, inst.execution_id, events);
}
