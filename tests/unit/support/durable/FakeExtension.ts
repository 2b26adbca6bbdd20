import type { DueQueue } from './DueQueue.js';
import type { Call, DurableScript, LiveEventData } from './DurableScript.js';
import { fakeStartMs } from './fakeTime.js';
import {
  ActionType,
  EventType,
  type SdkAction,
  type SdkHistoryEvent,
  type SdkTask,
} from './sdk.js';

/**
 * The Durable extension and its backend, in memory: runs what an execution scheduled (from
 * the script), raises external events, and turns each outcome into the history event the
 * extension would send back, due on the {@link DueQueue}. Records every call and custom status.
 */
export class FakeExtension {
  readonly calls: Call[] = [];
  readonly statuses: unknown[] = [];
  /** The current execution's history (what the SDK sees as `context.df.state`). */
  history: SdkHistoryEvent[] = [];
  /** The current execution (1, then 2… after each continue-as-new). */
  execution = 0;
  private readonly callCounts = new Map<string, number>();

  constructor(
    private readonly script: DurableScript,
    private readonly queue: DueQueue,
  ) {
    for (const e of script.events ?? []) {
      queue.enqueue(fakeStartMs + (e.atMs ?? 0), 0, this.raised(e.name, e.data));
    }
  }

  /** A history event stamped now. */
  event(type: number, fields: Record<string, unknown> = {}): SdkHistoryEvent {
    return {
      EventType: type,
      EventId: -1,
      IsPlayed: false,
      Timestamp: new Date(this.queue.nowMs),
      ...fields,
    };
  }

  /** Raises external event `name` on the instance now (an activity using the durable client). */
  readonly raise = (name: string, data: unknown): void => {
    this.queue.enqueue(this.queue.nowMs, 0, this.raised(name, data));
  };

  /** Schedules a task the executor started tracking under `id`. */
  schedule(id: number, task: SdkTask): void {
    const action = task.actionObj;
    if (action === 'noOp') {
      // A retry of callActivityWithRetry: first its timer, then the activity again.
      const retry = task.parent;
      const inner = retry?.innerTask?.actionObj;
      if (retry === undefined || inner === undefined || inner === 'noOp') {
        throw new Error('fake durable: a no-op task outside a retry');
      }
      if (retry.isWaitingOnTimer !== true) return this.activity(id, inner);
      const delayMs = retryDelayMs(retry.retryOptions, (retry.attemptNumber ?? 2) - 1);
      return this.timer(id, new Date(this.queue.nowMs + delayMs), {});
    }
    switch (action.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry:
        return this.activity(id, action);
      case ActionType.CreateTimer: {
        const fireAt = action.fireAt ?? new Date(this.queue.nowMs);
        const fireAtMs = fireAt.getTime() - fakeStartMs;
        this.record({ kind: 'timer', name: 'timer', input: null, fireAtMs });
        return this.timer(id, fireAt, action);
      }
      case ActionType.CallSubOrchestrator:
        return this.subOrchestration(id, action);
      default:
        throw new Error(`fake durable: unsupported action type ${action.actionType}`);
    }
  }

  private record(call: Omit<Call, 'atMs' | 'execution'>): void {
    const atMs = this.queue.nowMs - fakeStartMs;
    this.calls.push({ ...call, atMs, execution: this.execution });
  }

  private raised(name: string, data: unknown): () => Promise<SdkHistoryEvent> {
    return () => {
      const raised = this.event(EventType.EventRaised, { Name: name });
      // Live data is read when the SDK hands the event to a wait (at once, or when the next
      // wait of its name opens): what the API would have raised at that moment.
      Object.defineProperty(raised, 'Input', {
        enumerable: true,
        get: () => {
          const live = typeof data === 'function';
          const value: unknown = live ? (data as LiveEventData)(this.statuses.at(-1)) : data;
          return value === undefined ? undefined : JSON.stringify(value);
        },
      });
      return Promise.resolve(raised);
    };
  }

  private activity(id: number, action: SdkAction): void {
    const name = action.functionName ?? '';
    const input = fromWire(action.input);
    this.record({ kind: 'activity', name, input });
    this.history.push(this.event(EventType.TaskScheduled, { Name: name, EventId: id }));
    this.queue.enqueue(this.queue.nowMs, this.execution, async () => {
      const call = (this.callCounts.get(name) ?? 0) + 1;
      this.callCounts.set(name, call);
      const handler = this.script.activities?.[name];
      try {
        if (handler === undefined) throw new Error(`no fake for activity ${name}`);
        const result: unknown = await handler(structuredClone(input) as never, call, this.raise);
        return this.event(EventType.TaskCompleted, { TaskScheduledId: id, Result: toWire(result) });
      } catch (error) {
        const fields = failed(id, `Activity function '${name}' failed`, error);
        return this.event(EventType.TaskFailed, fields);
      }
    });
  }

  private timer(id: number, fireAt: Date, action: { isCanceled?: boolean }): void {
    this.history.push(this.event(EventType.TimerCreated, { EventId: id, FireAt: fireAt }));
    this.queue.enqueue(fireAt.getTime(), this.execution, () =>
      Promise.resolve(
        action.isCanceled === true
          ? undefined
          : this.event(EventType.TimerFired, { TimerId: id, FireAt: fireAt }),
      ),
    );
  }

  private subOrchestration(id: number, action: SdkAction): void {
    const name = action.functionName ?? '';
    const input = fromWire(action.input);
    const child = action.instanceId;
    this.record({
      kind: 'sub',
      name,
      input,
      ...(child === undefined ? {} : { instanceId: child }),
    });
    const created = EventType.SubOrchestrationInstanceCreated;
    this.history.push(this.event(created, { Name: name, EventId: id }));
    const endsAt = this.queue.nowMs + (this.script.subDurationMs?.[name] ?? 0);
    this.queue.enqueue(endsAt, this.execution, () => {
      const handler = this.script.subOrchestrators?.[name];
      try {
        if (handler === undefined) throw new Error(`no fake for sub-orchestration ${name}`);
        const result: unknown = handler(structuredClone(input) as never, child);
        const completed = EventType.SubOrchestrationInstanceCompleted;
        return Promise.resolve(
          this.event(completed, { TaskScheduledId: id, Result: toWire(result) }),
        );
      } catch (error) {
        const fields = failed(id, `Orchestrator function '${name}' failed`, error);
        return Promise.resolve(this.event(EventType.SubOrchestrationInstanceFailed, fields));
      }
    });
  }
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

/** A result as the host serializes it (nothing becomes null). */
function toWire(result: unknown): string {
  return JSON.stringify(result ?? null);
}

/** An action's input as the extension hands it on (the SDK JSON-encodes string inputs). */
export function fromWire(input: unknown): unknown {
  if (input === undefined) return undefined;
  if (typeof input === 'string') return JSON.parse(input) as unknown;
  return JSON.parse(JSON.stringify(input)) as unknown;
}
