/**
 * Typed access to the durable-functions 3.x orchestration runtime the fake drives: the real
 * `TaskOrchestrationExecutor` and `DurableOrchestrationContext` (the classes the SDK's
 * `df.app.orchestration` handler builds for every episode), so tasks, `Task.any`/`Task.all`,
 * retries, event waiters and the clock behave exactly as the SDK makes them behave. The SDK
 * does not type these internals; the interfaces below name only what the fake reads.
 */
import { createRequire } from 'node:module';

import type { RetryOptionsJson } from '../../../../devhost/engine/OrchestratorAction.js';
import { orchestratorPayload } from '../../../../devhost/engine/orchestratorPayload.js';

// The numbers the dev host's engine speaks too.
export { EventType } from '../../../../devhost/engine/history.js';
export { ActionType } from '../../../../devhost/engine/OrchestratorAction.js';

const require = createRequire(import.meta.url);

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
  retryOptions?: RetryOptionsJson;
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

const payload = orchestratorPayload('', null, []);

/** What the extension sends with every episode: the dev host's replay schema and timer limits. */
export const extensionSettings = {
  schemaVersion: payload['upperSchemaVersionNew'] as number,
  longRunningTimerIntervalDuration: payload['longRunningTimerIntervalDuration'] as string,
  maximumShortTimerDuration: payload['maximumShortTimerDuration'] as string,
  defaultHttpAsyncRequestSleepTimeMillseconds: payload[
    'defaultHttpAsyncRequestSleepTimeMillseconds'
  ] as number,
};
