import { EventType, type HistoryEvent } from './history.js';

/**
 * History in the order DTFx's executor delivers it: what arrived while the instance was
 * suspended (recorded at arrival) is held back and delivered right after ExecutionResumed.
 */
export function deliveryOrder(history: readonly HistoryEvent[]): HistoryEvent[] {
  const out: HistoryEvent[] = [];
  let held: HistoryEvent[] | undefined;
  for (const ev of history) {
    if (ev.EventType === EventType.ExecutionSuspended) held ??= [];
    else if (ev.EventType === EventType.ExecutionResumed && held !== undefined) {
      out.push(ev, ...held);
      held = undefined;
      continue;
    } else if (
      held !== undefined &&
      ev.EventType !== EventType.OrchestratorStarted &&
      ev.EventType !== EventType.OrchestratorCompleted
    ) {
      held.push(ev);
      continue;
    }
    out.push(ev);
  }
  return out;
}
