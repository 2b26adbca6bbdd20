import type { HistoryEvent } from './history.js';
import { EventType } from './history.js';

/**
 * The orchestration trigger payload the extension sends (reference §2.1): replay schema V3
 * (`upperSchemaVersionNew: 2`) with the Azure Storage provider's timer limits.
 */
export function orchestratorPayload(
  instanceId: string,
  parentInstanceId: string | null,
  history: HistoryEvent[],
): Record<string, unknown> {
  const started = history.find((e) => e.EventType === EventType.ExecutionStarted);
  const rawInput = started?.['Input'];
  return {
    history,
    input: typeof rawInput === 'string' ? (JSON.parse(rawInput) as unknown) : null,
    instanceId,
    isReplaying: started?.IsPlayed ?? false,
    parentInstanceId,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    longRunningTimerIntervalDuration: '3.00:00:00',
    maximumShortTimerDuration: '6.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
}
