import type { InstanceStatus } from '../types.js';
import { EventType, eventTypeName, type HistoryEvent, OrchestrationStatus } from './history.js';
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

/** Which parts of the history the status request asked for (`showHistoryOutput`, `showInput`). */
export interface HistoryView {
  showOutput: boolean;
  showInput: boolean;
}

const statusNames = new Map<number, string>(
  Object.entries(OrchestrationStatus).map(([name, n]) => [n, name]),
);

/** A completion's scheduling row kind, by the completion's event type. */
const scheduledBy = new Map<number, number>([
  [EventType.TaskCompleted, EventType.TaskScheduled],
  [EventType.TaskFailed, EventType.TaskScheduled],
  [EventType.SubOrchestrationInstanceCompleted, EventType.SubOrchestrationInstanceCreated],
  [EventType.SubOrchestrationInstanceFailed, EventType.SubOrchestrationInstanceCreated],
]);
const successes = new Set<number>([
  EventType.TaskCompleted,
  EventType.SubOrchestrationInstanceCompleted,
]);

/**
 * History in the status API's transformed shape, as the extension's
 * `DurableClient.GetDurableOrchestrationStatusAsync` builds it: EventType and
 * OrchestrationStatus as names; OrchestratorStarted/Completed dropped; a scheduling row
 * (TaskScheduled, SubOrchestrationInstanceCreated) stays until its completion arrives, and is
 * then merged into it (FunctionName, ScheduledTime and, unless `showInput` is false, the
 * scheduled Input); ExecutionStarted keeps FunctionName of its naming fields; Result only with
 * `showOutput`, parsed as JSON; Input removed everywhere only when `showInput` is false.
 */
export function toHistoryEvents(
  history: readonly HistoryEvent[],
  view: HistoryView,
): Record<string, unknown>[] {
  const rows: (Record<string, unknown> | undefined)[] = [];
  const scheduled = new Map<string, { index: number; ev: HistoryEvent }>();
  for (const ev of history) {
    const t = ev.EventType;
    const row: Record<string, unknown> = { ...ev, EventType: eventTypeName(t) };
    if (t === EventType.OrchestratorStarted || t === EventType.OrchestratorCompleted) {
      rows.push(undefined);
      continue;
    }
    if (t === EventType.TaskScheduled || t === EventType.SubOrchestrationInstanceCreated) {
      scheduled.set(`${t}_${ev.EventId}`, { index: rows.length, ev });
      delete row['Version'];
    }
    const schedulingType = scheduledBy.get(t);
    if (schedulingType !== undefined) {
      const s = scheduled.get(`${schedulingType}_${String(ev['TaskScheduledId'])}`);
      if (s !== undefined) {
        row['ScheduledTime'] = s.ev.Timestamp;
        row['FunctionName'] = s.ev['Name'];
        if (view.showInput) row['Input'] = s.ev['Input'];
        rows[s.index] = undefined;
      }
      delete row['TaskScheduledId'];
      if (successes.has(t)) {
        if (view.showOutput) row['Result'] = parseJson(ev['Result']);
        else delete row['Result'];
      }
    }
    if (t === EventType.ExecutionStarted) {
      delete row['Name'];
      row['FunctionName'] = ev['Name'];
      for (const k of ['OrchestrationInstance', 'ParentInstance', 'Version', 'Tags']) delete row[k];
    }
    if (t === EventType.ExecutionCompleted) {
      row['OrchestrationStatus'] =
        statusNames.get(Number(ev['OrchestrationStatus'])) ?? ev['OrchestrationStatus'];
      if (view.showOutput) row['Result'] = parseJson(ev['Result']);
      else delete row['Result'];
    }
    if (t === EventType.TimerFired) delete row['TimerId'];
    if (!view.showInput) delete row['Input'];
    delete row['EventId'];
    delete row['IsPlayed'];
    rows.push(row);
  }
  return rows.filter((r): r is Record<string, unknown> => r !== undefined);
}

/** JSON text as a value (the extension's ParseToJToken): null stays null, non-JSON stays text. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  if (text === '') return '';
  return parse(text);
}
