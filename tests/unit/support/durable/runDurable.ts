/**
 * A fake durable runtime for orchestrator unit tests: the real durable-functions
 * orchestration executor and context run the orchestrator, and this file plays the Durable
 * extension and its backend in memory. It schedules what the orchestrator yields (activities,
 * retries, timers, sub-orchestrations), answers from a {@link DurableScript}, raises the
 * script's external events at their times, and feeds each completion back as the history
 * event the extension would send. Virtual time jumps to the next thing due; at one instant
 * things run in the order they became due (script events first). A continue-as-new starts a
 * fresh execution with a new execution id; events the old one received are gone with it.
 */
import type { OrchestrationContext } from 'durable-functions';

import type { Call, DurableRun, DurableScript, LiveEventData } from './DurableScript.js';
import { fakeStartMs } from './fakeTime.js';
import {
  ActionType,
  DurableOrchestrationContext,
  EventType,
  extensionSettings,
  type SdkAction,
  type SdkExecutor,
  type SdkHistoryEvent,
  type SdkTask,
  TaskOrchestrationExecutor,
} from './sdk.js';

/** An orchestrator function as Slotpilot registers it. */
export type Orchestrator<T> = (context: OrchestrationContext) => Generator<unknown, T, unknown>;

/** Something due at `atMs`: it yields the history event to feed, or nothing (a cancelled timer). */
interface Due {
  atMs: number;
  seq: number;
  /** The execution it belongs to; 0: the instance (external events). */
  execution: number;
  fire: () => Promise<SdkHistoryEvent | undefined>;
}

/** Runs `orchestrator` over `input` as instance `instanceId` until it returns or throws. */
export async function runDurable<T>(
  orchestrator: Orchestrator<T>,
  input: unknown,
  script: DurableScript,
  instanceId: string,
): Promise<DurableRun<T>> {
  let now = fakeStartMs + (script.startAtMs ?? 0);
  const queue: Due[] = [];
  let seq = 0;
  const calls: Call[] = [];
  const statuses: unknown[] = [];
  const callCounts = new Map<string, number>();
  let execution = 0;
  const event = (type: number, fields: Record<string, unknown> = {}): SdkHistoryEvent => ({
    EventType: type,
    EventId: -1,
    IsPlayed: false,
    Timestamp: new Date(now),
    ...fields,
  });
  const enqueue = (atMs: number, owner: number, fire: Due['fire']): void => {
    queue.push({ atMs, seq: (seq += 1), execution: owner, fire });
  };
  const raised = (name: string, data: unknown) => () => {
    const raisedEvent = event(EventType.EventRaised, { Name: name });
    // Live data is read when the SDK hands the event to a wait (at once, or when the next wait
    // of its name opens): what the API would have raised at that moment.
    Object.defineProperty(raisedEvent, 'Input', {
      enumerable: true,
      get: () => {
        const value = typeof data === 'function' ? (data as LiveEventData)(statuses.at(-1)) : data;
        return wire(value, JSON.stringify);
      },
    });
    return Promise.resolve(raisedEvent);
  };
  const raise = (name: string, data: unknown): void => enqueue(now, 0, raised(name, data));
  for (const e of script.events ?? [])
    enqueue(fakeStartMs + (e.atMs ?? 0), 0, raised(e.name, e.data));

  let history: SdkHistoryEvent[] = [];
  const record = (call: Omit<Call, 'atMs' | 'execution'>): void => {
    calls.push({ ...call, atMs: now - fakeStartMs, execution });
  };

  const runActivity = (id: number, action: SdkAction): void => {
    const name = action.functionName ?? '';
    const input = fromWire(action.input);
    record({ kind: 'activity', name, input });
    history.push(event(EventType.TaskScheduled, { Name: name, EventId: id }));
    enqueue(now, execution, async () => {
      const call = (callCounts.get(name) ?? 0) + 1;
      callCounts.set(name, call);
      const handler = script.activities?.[name];
      try {
        if (handler === undefined) throw new Error(`no fake for activity ${name}`);
        const result: unknown = await handler(structuredClone(input) as never, call, raise);
        return event(EventType.TaskCompleted, {
          TaskScheduledId: id,
          Result: JSON.stringify(result ?? null),
        });
      } catch (error) {
        return event(EventType.TaskFailed, failed(id, `Activity function '${name}' failed`, error));
      }
    });
  };

  const runTimer = (id: number, fireAt: Date, action: { isCanceled?: boolean }): void => {
    history.push(event(EventType.TimerCreated, { EventId: id, FireAt: fireAt }));
    enqueue(fireAt.getTime(), execution, () =>
      Promise.resolve(
        action.isCanceled === true
          ? undefined
          : event(EventType.TimerFired, { TimerId: id, FireAt: fireAt }),
      ),
    );
  };

  const schedule = (id: number, task: SdkTask): void => {
    const action = task.actionObj;
    if (action === 'noOp') {
      // A retry of callActivityWithRetry: first its timer, then the activity again.
      const retry = task.parent;
      const inner = retry?.innerTask?.actionObj;
      if (retry === undefined || inner === undefined || inner === 'noOp') {
        throw new Error('fake durable: a no-op task outside a retry');
      }
      if (retry.isWaitingOnTimer !== true) return runActivity(id, inner);
      const delayMs = retryDelayMs(retry.retryOptions, (retry.attemptNumber ?? 2) - 1);
      return runTimer(id, new Date(now + delayMs), {});
    }
    switch (action.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry:
        return runActivity(id, action);
      case ActionType.CreateTimer: {
        const fireAt = action.fireAt ?? new Date(now);
        record({
          kind: 'timer',
          name: 'timer',
          input: null,
          fireAtMs: fireAt.getTime() - fakeStartMs,
        });
        return runTimer(id, fireAt, action);
      }
      case ActionType.CallSubOrchestrator: {
        const name = action.functionName ?? '';
        const input = fromWire(action.input);
        const child = action.instanceId;
        record({ kind: 'sub', name, input, ...(child === undefined ? {} : { instanceId: child }) });
        history.push(event(EventType.SubOrchestrationInstanceCreated, { Name: name, EventId: id }));
        const endsAt = now + (script.subDurationMs?.[name] ?? 0);
        enqueue(endsAt, execution, () => {
          const handler = script.subOrchestrators?.[name];
          try {
            if (handler === undefined) throw new Error(`no fake for sub-orchestration ${name}`);
            const result: unknown = handler(structuredClone(input) as never, child);
            return Promise.resolve(
              event(EventType.SubOrchestrationInstanceCompleted, {
                TaskScheduledId: id,
                Result: JSON.stringify(result ?? null),
              }),
            );
          } catch (error) {
            const reason = failed(id, `Orchestrator function '${name}' failed`, error);
            return Promise.resolve(event(EventType.SubOrchestrationInstanceFailed, reason));
          }
        });
        return;
      }
      default:
        throw new Error(`fake durable: unsupported action type ${action.actionType}`);
    }
  };

  const setNow = (ms: number): void => {
    if (ms <= now) return;
    now = ms;
    script.onTime?.(now - fakeStartMs);
  };
  const next = (): Due | undefined => {
    let best = -1;
    queue.forEach((d, i) => {
      const b = queue[best];
      if (b === undefined || d.atMs < b.atMs || (d.atMs === b.atMs && d.seq < b.seq)) best = i;
    });
    return best < 0 ? undefined : queue.splice(best, 1)[0];
  };

  const maxEvents = script.maxEvents ?? 100_000;
  let processed = 0;
  let maxHistory = 0;
  let currentInput: unknown = input;
  const run: DurableRun<T> = {
    calls,
    statuses,
    elapsedMs: 0,
    executions: 0,
    maxHistoryPerExecution: 0,
    activity: (name) => calls.filter((c) => c.kind === 'activity' && c.name === name),
    lastStatus: <S>() => statuses.at(-1) as S,
  };
  for (;;) {
    execution += 1;
    const executor: SdkExecutor = new TaskOrchestrationExecutor();
    const executionId = executionIdOf(script.executionId, execution);
    const wireInput = wire(currentInput, JSON.stringify);
    history = [
      event(EventType.OrchestratorStarted),
      event(EventType.ExecutionStarted, {
        Name: orchestrator.name,
        Input: wireInput,
        ...(executionId === undefined
          ? {}
          : { OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId } }),
      }),
    ];
    const df = new DurableOrchestrationContext(
      history,
      instanceId,
      new Date(now),
      false,
      script.parentInstanceId,
      extensionSettings.longRunningTimerIntervalDuration,
      extensionSettings.maximumShortTimerDuration,
      extensionSettings.defaultHttpAsyncRequestSleepTimeMillseconds,
      extensionSettings.schemaVersion,
      wireInput === undefined ? undefined : JSON.parse(wireInput),
      executor,
    );
    const setStatus = df.setCustomStatus.bind(df);
    df.setCustomStatus = (status: unknown) => {
      statuses.push(wire(status, (s) => JSON.parse(JSON.stringify(s)) as unknown));
      setStatus(status);
    };
    const scheduled = new Set<string>();
    const scheduleNew = (): void => {
      for (const [id, task] of Object.entries(executor.openTasks)) {
        if (scheduled.has(id)) continue;
        scheduled.add(id);
        schedule(Number(id), task);
      }
    };
    try {
      await executor.execute({ df }, [...history], extensionSettings.schemaVersion, orchestrator);
    } catch {
      // The executor keeps what the orchestrator threw (read below).
    }
    scheduleNew();
    while (executor.exception === undefined && !executor.orchestratorReturned) {
      const due = next();
      if (due === undefined) {
        const waits = Object.keys(executor.openEvents).join(', ') || 'nothing';
        throw new Error(`deadlock: ${instanceId} waits (events: ${waits}) and nothing is due`);
      }
      if (due.execution !== 0 && due.execution !== execution) continue;
      setNow(due.atMs);
      const completion = await due.fire();
      if (completion === undefined) continue;
      processed += 1;
      if (processed > maxEvents) throw new Error(`no end after ${maxEvents} history events`);
      const episode = event(EventType.OrchestratorStarted);
      history.push(episode, completion);
      executor.processEvent(episode);
      executor.processEvent(completion);
      scheduleNew();
      history.push(event(EventType.OrchestratorCompleted));
      maxHistory = Math.max(maxHistory, history.length);
    }
    maxHistory = Math.max(maxHistory, history.length);
    if (executor.exception !== undefined) {
      run.error = executor.exception;
      break;
    }
    if (!executor.willContinueAsNew) {
      run.output = executor.output as T;
      break;
    }
    const again = executor.actions.findLast((a) => a.actionType === ActionType.ContinueAsNew);
    currentInput = fromWire(again?.input);
  }
  run.elapsedMs = now - fakeStartMs;
  run.executions = execution;
  run.maxHistoryPerExecution = maxHistory;
  return run;
}

/** The fields of a failed task's history event, as the extension reports a thrown error. */
function failed(id: number, reason: string, error: unknown): Record<string, unknown> {
  const message = error instanceof Error ? error.message : String(error);
  return {
    TaskScheduledId: id,
    Reason: `${reason}: ${message}`,
    Details: JSON.stringify({ Message: message }),
  };
}

/** The delay before retry `failures + 1` of a callActivityWithRetry, as the extension computes it. */
function retryDelayMs(options: SdkAction['retryOptions'], failures: number): number {
  const first = options?.firstRetryIntervalInMilliseconds ?? 1_000;
  const delay = first * (options?.backoffCoefficient ?? 1) ** Math.max(0, failures - 1);
  return Math.min(delay, options?.maxRetryIntervalInMilliseconds ?? Number.POSITIVE_INFINITY);
}

function executionIdOf(base: string | null | undefined, execution: number): string | undefined {
  if (base === null) return undefined;
  const first = base ?? 'execution-1';
  return execution === 1 ? first : `${first}+${execution}`;
}

/** A value as it crosses the wire (undefined stays undefined). */
function wire<R>(value: unknown, encode: (v: unknown) => R): R | undefined {
  return value === undefined ? undefined : encode(value);
}

/** An action's input as the extension hands it on (the SDK JSON-encodes string inputs). */
function fromWire(input: unknown): unknown {
  if (input === undefined) return undefined;
  if (typeof input === 'string') return JSON.parse(input) as unknown;
  return JSON.parse(JSON.stringify(input)) as unknown;
}
