/**
 * Typed access to the durable-functions 3.x orchestration runtime the fake drives: the real
 * `TaskOrchestrationExecutor` and `DurableOrchestrationContext` (the classes the SDK's
 * `df.app.orchestration` handler builds for every episode), so tasks, `Task.any`/`Task.all`,
 * retries, event waiters and the clock behave exactly as the SDK makes them behave. The SDK
 * does not type these internals; the interfaces below name only what the fake reads.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DTFx history event type numbers, as the SDK reads them. */
export const EventType = {
  ExecutionStarted: 0,
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
  EventRaised: 15,
} as const;

/** The SDK's action type numbers (`ActionType`) the fake schedules. */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  ContinueAsNew: 4,
  CreateTimer: 5,
} as const;

/** One history event as the SDK reads it (Timestamp already a Date, as the SDK parses it). */
export interface SdkHistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: Date;
  [field: string]: unknown;
}

/** An action of a scheduled task. */
export interface SdkAction {
  actionType: number;
  functionName?: string;
  instanceId?: string;
  input?: unknown;
  fireAt?: Date;
  isCanceled?: boolean;
  retryOptions?: {
    firstRetryIntervalInMilliseconds: number;
    maxNumberOfAttempts: number;
    backoffCoefficient?: number;
    maxRetryIntervalInMilliseconds?: number;
  };
}

/** A task the executor tracks: an atomic task, or a retry's no-op placeholder. */
export interface SdkTask {
  id: number | string | false;
  actionObj: SdkAction | 'noOp';
  parent?: SdkRetryableTask;
  isCanceled?: boolean;
}

/** The SDK's `RetryableTask` (callActivityWithRetry) as far as the fake reads it. */
export interface SdkRetryableTask {
  innerTask?: SdkTask;
  isWaitingOnTimer?: boolean;
  attemptNumber?: number;
  retryOptions?: SdkAction['retryOptions'];
}

/** The SDK's `TaskOrchestrationExecutor`, driven one history event at a time. */
export interface SdkExecutor {
  execute(
    context: { df: unknown },
    history: SdkHistoryEvent[],
    schemaVersion: number,
    fn: (context: never) => Generator<unknown, unknown, unknown>,
  ): Promise<unknown>;
  processEvent(event: SdkHistoryEvent): void;
  openTasks: Record<string, SdkTask>;
  openEvents: Record<string, unknown[]>;
  actions: SdkAction[];
  exception: unknown;
  output: unknown;
  orchestratorReturned: boolean;
  willContinueAsNew: boolean;
}

/** The SDK's `DurableOrchestrationContext` (what an orchestrator sees as `context.df`). */
export interface SdkContext {
  setCustomStatus(status: unknown): void;
}

type ExecutorClass = new () => SdkExecutor;
type ContextClass = new (
  state: SdkHistoryEvent[],
  instanceId: string,
  currentUtcDateTime: Date,
  isReplaying: boolean,
  parentInstanceId: string | undefined,
  longRunningTimerIntervalDuration: string,
  maximumShortTimerDuration: string,
  defaultHttpAsyncRequestSleepTimeMillseconds: number,
  schemaVersion: number,
  input: unknown,
  executor: SdkExecutor,
) => SdkContext;

/** The SDK's own executor class. */
export const TaskOrchestrationExecutor = (
  require('durable-functions/lib/src/orchestrations/TaskOrchestrationExecutor.js') as {
    TaskOrchestrationExecutor: ExecutorClass;
  }
).TaskOrchestrationExecutor;

/** The SDK's own orchestration context class. */
export const DurableOrchestrationContext = (
  require('durable-functions/lib/src/orchestrations/DurableOrchestrationContext.js') as {
    DurableOrchestrationContext: ContextClass;
  }
).DurableOrchestrationContext;

/**
 * What the extension sends with every episode (replay schema V3 and the Azure Storage
 * provider's timer limits, as the dev host sends them).
 */
export const extensionSettings = {
  schemaVersion: 2,
  longRunningTimerIntervalDuration: '3.00:00:00',
  maximumShortTimerDuration: '6.00:00:00',
  defaultHttpAsyncRequestSleepTimeMillseconds: 30_000,
} as const;
