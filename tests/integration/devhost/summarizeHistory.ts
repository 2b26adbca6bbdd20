const names: Record<number, string> = {
  0: 'ExecutionStarted',
  1: 'ExecutionCompleted',
  3: 'ExecutionTerminated',
  4: 'TaskScheduled',
  5: 'TaskCompleted',
  6: 'TaskFailed',
  7: 'SubOrchestrationInstanceCreated',
  8: 'SubOrchestrationInstanceCompleted',
  9: 'SubOrchestrationInstanceFailed',
  10: 'TimerCreated',
  11: 'TimerFired',
  12: 'OrchestratorStarted',
  13: 'OrchestratorCompleted',
  15: 'EventRaised',
  16: 'ContinueAsNew',
  17: 'GenericEvent',
  19: 'ExecutionSuspended',
  20: 'ExecutionResumed',
};

function str(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

function offset(iso: unknown, t0: number): string {
  const ms = Date.parse(String(iso)) - t0;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms}ms`;
}

/**
 * One line per history event, times relative to `t0` in minutes: the golden-history format.
 * Example: `+0m TaskScheduled#0 Provision [{"env":"dev"}]`.
 */
export function summarizeHistory(events: Record<string, unknown>[], t0: number): string[] {
  return events.map((e) => {
    const type = Number(e['EventType']);
    const id = Number(e['EventId']);
    let line = `+${offset(e['Timestamp'], t0)} ${names[type] ?? `Event${type}`}${id >= 0 ? `#${id}` : ''}`;
    if (typeof e['Name'] === 'string' && type !== 0) line += ` ${e['Name']}`;
    if (e['TaskScheduledId'] !== undefined) line += ` ->${str(e['TaskScheduledId'])}`;
    if (e['TimerId'] !== undefined) line += ` ->${str(e['TimerId'])}`;
    if (e['FireAt'] !== undefined) line += ` at+${offset(e['FireAt'], t0)}`;
    if (e['InstanceId'] !== undefined) line += ` ${str(e['InstanceId'])}`;
    if (type === 0 || type === 4 || type === 7 || type === 15 || type === 3)
      line += ` ${String(e['Input'])}`;
    if (type === 5 || type === 8 || type === 1 || type === 16) line += ` ${String(e['Result'])}`;
    if (type === 1 || type === 16) line += ` status=${String(e['OrchestrationStatus'])}`;
    if (type === 6 || type === 9) line += ` ${String(e['Reason']).split('\n')[0]}`;
    if (e['IsPlayed'] !== true) line += ' (unplayed)';
    return line;
  });
}
