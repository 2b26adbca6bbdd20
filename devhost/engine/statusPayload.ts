import type { InstanceStatus } from '../types.js';
import { EventType, eventTypeName, type HistoryEvent } from './history.js';
import type { InstanceRow } from './Store.js';

/** Formats epoch ms the way the host does (`ToString("s") + "Z"`: second precision). */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The instance as the status API returns it (without history). */
export function toInstanceStatus(row: InstanceRow, showInput = true): InstanceStatus {
  return {
    name: row.name,
    instanceId: row.id,
    runtimeStatus: row.status,
    input: showInput ? parse(row.input) : null,
    customStatus: parse(row.custom_status),
    output: parse(row.output),
    createdTime: formatTime(row.created_ms),
    lastUpdatedTime: formatTime(row.updated_ms),
  };
}

/**
 * History in the status API's transformed shape: EventType as a name, scheduling rows and
 * OrchestratorStarted/Completed dropped, completions carrying FunctionName and ScheduledTime,
 * ids and IsPlayed removed; results only with `showHistoryOutput`.
 */
export function toHistoryEvents(
  history: HistoryEvent[],
  showOutput: boolean,
): Record<string, unknown>[] {
  const scheduled = new Map<number, HistoryEvent>();
  const out: Record<string, unknown>[] = [];
  for (const ev of history) {
    const t = ev.EventType;
    if (t === EventType.OrchestratorStarted || t === EventType.OrchestratorCompleted) continue;
    if (
      t === EventType.TaskScheduled ||
      t === EventType.SubOrchestrationInstanceCreated ||
      t === EventType.TimerCreated
    ) {
      scheduled.set(ev.EventId, ev);
      if (t !== EventType.TimerCreated) continue;
    }
    const row: Record<string, unknown> = { EventType: eventTypeName(t) };
    for (const [k, v] of Object.entries(ev)) {
      if (
        k === 'EventType' ||
        k === 'EventId' ||
        k === 'IsPlayed' ||
        k === 'TimerId' ||
        k === 'TaskScheduledId'
      )
        continue;
      if ((k === 'Result' || k === 'Input') && !showOutput && t !== EventType.ExecutionStarted)
        continue;
      row[k] = v;
    }
    const ref = ev['TaskScheduledId'];
    if (typeof ref === 'number') {
      const s = scheduled.get(ref);
      if (s !== undefined) {
        row['FunctionName'] = s['Name'];
        row['ScheduledTime'] = s.Timestamp;
      }
    }
    if (t === EventType.ExecutionStarted) row['FunctionName'] = ev['Name'];
    out.push(row);
  }
  return out;
}
