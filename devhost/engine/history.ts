/** DTFx history event type numbers, as the SDK reads them (`EventType`). */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  GenericEvent: 17,
  HistoryState: 18,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
  ExecutionRewound: 21,
} as const;

/** DTFx OrchestrationStatus numbers (ExecutionCompleted.OrchestrationStatus). */
export const OrchestrationStatus = {
  Running: 0,
  Completed: 1,
  ContinuedAsNew: 2,
  Failed: 3,
  Canceled: 4,
  Terminated: 5,
  Pending: 6,
  Suspended: 7,
} as const;

/**
 * One history event in the PascalCase JSON shape the extension sends to the SDK. Every event
 * has EventType, EventId, IsPlayed and Timestamp; the rest depends on the type.
 */
export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

/** Builds an event stamped at `atMs`; message-delivered events use EventId -1. */
export function makeEvent(
  type: number,
  atMs: number,
  fields: Record<string, unknown> = {},
  eventId = -1,
): HistoryEvent {
  return {
    EventType: type,
    EventId: eventId,
    IsPlayed: false,
    Timestamp: new Date(atMs).toISOString(),
    ...fields,
  };
}

/** Name of an event type number, for messages and golden histories. */
export function eventTypeName(type: number): string {
  const entry = Object.entries(EventType).find(([, v]) => v === type);
  return entry === undefined ? `EventType${type}` : entry[0];
}
