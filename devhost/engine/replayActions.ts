import { type EntityRequest, requestId } from './entityMessages.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import { httpActivityName, pollRequest } from './httpActivity.js';
import {
  ActionType,
  type DurableHttpRequestJson,
  type OrchestratorAction,
  type RetryOptionsJson,
} from './OrchestratorAction.js';
import { TaskNode } from './TaskNode.js';

const dayMs = 24 * 3600 * 1000;
/** The extension's `defaultAsyncRequestSleepTimeMilliseconds`: the poll interval without Retry-After. */
export const defaultHttpPollMs = 30_000;
/** Azure Storage provider limits the extension applies to timers (reference §2.6). */
export const maximumShortTimerMs = 6 * dayMs;
export const longTimerIntervalMs = 3 * dayMs;

/** What an episode's walk over history and the returned actions concludes. */
export interface ReplayResult {
  /** Scheduling events not yet in history, ascending ids: the episode's new decisions. */
  decisions: HistoryEvent[];
  /** Every top-level action ran to completion (the shim returned). */
  shimDone: boolean;
  /** DTFx open tasks remaining (uncancelled timers, outstanding calls). */
  openTasks: number;
  /** The id the completion event takes. */
  nextId: number;
  /** Set when a ContinueAsNew action was invoked: its input JSON text. */
  continueAsNewInput?: string | undefined;
  /** Set when history and actions disagree: the reason. */
  nonDeterminism?: string | undefined;
  /** Set when the orchestrator used an action the dev host does not support. */
  unsupported?: string | undefined;
}

interface Pending {
  type: number;
  name: string;
}

const kindText: Record<number, string> = {
  [EventType.TaskScheduled]: 'an activity task',
  [EventType.TimerCreated]: 'a durable timer',
  [EventType.SubOrchestrationInstanceCreated]: 'a sub-orchestration',
  [EventType.EventSent]: 'an event',
};

class UnsupportedAction extends Error {}

/** The SDK calls behind the entity action types, for the "not supported" failure. */
const entityActions: Record<number, string> = {
  [ActionType.ScheduledSignalEntity]: 'signalEntity (scheduled)',
  [ActionType.LockEntities]: 'lock (critical section)',
  [ActionType.ReleaseEntities]: 'lock release (critical section)',
};

function inputJson(input: unknown): string | null {
  return input === undefined ? null : JSON.stringify(input);
}

/**
 * History in the order DTFx's executor delivers it: what arrived while the instance was
 * suspended (recorded at arrival) is held back and delivered right after ExecutionResumed.
 */
function deliveryOrder(history: readonly HistoryEvent[]): HistoryEvent[] {
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

/** For a 202 answer with a Location header: where to poll and after how long; else undefined. */
function pollAfter(resultJson: string): { location: string; delayMs: number } | undefined {
  const res = JSON.parse(resultJson) as {
    statusCode?: number;
    headers?: Record<string, string | string[]>;
  };
  if (res.statusCode !== 202) return undefined;
  const header = (name: string): string | undefined => {
    const key = Object.keys(res.headers ?? {}).find((k) => k.toLowerCase() === name);
    const v = key === undefined ? undefined : res.headers?.[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const location = header('location');
  if (location === undefined) return undefined;
  const retryAfter = header('retry-after');
  return {
    location,
    delayMs: retryAfter === undefined ? defaultHttpPollMs : Number(retryAfter) * 1000,
  };
}

/**
 * Replays the SDK's action list against the history with .NET task semantics, as the
 * extension's out-of-process shim does on top of DTFx (reference §2.5): top-level actions are
 * awaited one after another, compound actions complete like Task.WhenAll / Task.WhenAny,
 * retries and long timers allocate ids as their completions arrive. Pure: no I/O.
 */
export function replayActions(
  history: readonly HistoryEvent[],
  actions: readonly OrchestratorAction[],
  executionId: string,
  instanceId = '',
): ReplayResult {
  let idCounter = 0;
  let now = 0;
  const pending = new Map<number, Pending & { event: HistoryEvent }>();
  const open = new Map<number, (ev: HistoryEvent) => void>();
  const waiters: { name: string; task: TaskNode }[] = [];
  const buffered: string[] = [];
  let continueAsNewInput: string | undefined;
  let cursor = 0;
  let shimDone = false;

  const decide = (type: number, name: string, fields: Record<string, unknown>): number => {
    const id = idCounter++;
    pending.set(id, { type, name, event: makeEvent(type, now, fields, id) });
    return id;
  };
  const scheduleTimer = (fireAtMs: number, onFired: () => void, canceled = false): void => {
    const id = decide(EventType.TimerCreated, '', { FireAt: new Date(fireAtMs).toISOString() });
    if (!canceled) open.set(id, onFired);
  };

  const withRetry = (
    opts: RetryOptionsJson,
    attempt: (onDone: (ev: HistoryEvent) => void) => void,
  ): TaskNode => {
    const t = new TaskNode();
    const firstAttemptMs = now;
    let retryCount = 0;
    const run = (): void =>
      attempt((ev) => {
        if (
          ev.EventType === EventType.TaskCompleted ||
          ev.EventType === EventType.SubOrchestrationInstanceCompleted
        ) {
          t.complete();
          return;
        }
        if (retryCount >= opts.maxNumberOfAttempts - 1) {
          // The last failure still gets a timer that fires at once (DTFx back-compat).
          scheduleTimer(now, () => t.complete());
          return;
        }
        const timeout = opts.retryTimeoutInMilliseconds;
        const expired = timeout !== undefined && timeout > 0 && now >= firstAttemptMs + timeout;
        const raw =
          opts.firstRetryIntervalInMilliseconds *
          Math.pow(opts.backoffCoefficient ?? 1, retryCount);
        const cap = opts.maxRetryIntervalInMilliseconds;
        const delay = expired ? 0 : cap !== undefined && cap > 0 && raw > cap ? cap : raw;
        retryCount++;
        // A zero delay ends the retry loop without a timer: the SDK keeps waiting (durable-js #629).
        if (delay <= 0) t.complete();
        else scheduleTimer(now + delay, run);
      });
    run();
    return t;
  };

  const invoke = (a: OrchestratorAction): TaskNode => {
    switch (a.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry: {
        const attempt = (onDone: (ev: HistoryEvent) => void): void => {
          const name = a.functionName ?? '';
          const id = decide(EventType.TaskScheduled, name, {
            Name: name,
            Version: '',
            Input: JSON.stringify([a.input ?? null]),
          });
          open.set(id, onDone);
        };
        if (a.actionType === ActionType.CallActivityWithRetry && a.retryOptions !== undefined) {
          return withRetry(a.retryOptions, attempt);
        }
        const t = new TaskNode();
        attempt(() => t.complete());
        return t;
      }
      case ActionType.CallSubOrchestrator:
      case ActionType.CallSubOrchestratorWithRetry: {
        const attempt = (onDone: (ev: HistoryEvent) => void): void => {
          const name = a.functionName ?? '';
          const id = idCounter;
          const instanceId = a.instanceId ?? `${executionId}:${id}`;
          decide(EventType.SubOrchestrationInstanceCreated, name, {
            Name: name,
            Version: a.version ?? '',
            InstanceId: instanceId,
            Input: inputJson(a.input),
          });
          open.set(id, onDone);
        };
        if (
          a.actionType === ActionType.CallSubOrchestratorWithRetry &&
          a.retryOptions !== undefined
        ) {
          return withRetry(a.retryOptions, attempt);
        }
        const t = new TaskNode();
        attempt(() => t.complete());
        return t;
      }
      case ActionType.CallHttp: {
        // The extension's CallHttpAsync: the built-in HTTP activity, then, while it answers 202
        // with a Location, a timer (Retry-After seconds, else 30 s) and a GET of that Location.
        const t = new TaskNode();
        const first = a.httpRequest ?? { method: 'GET', uri: '' };
        const call = (request: DurableHttpRequestJson): void => {
          const id = decide(EventType.TaskScheduled, httpActivityName, {
            Name: httpActivityName,
            Version: '',
            Input: JSON.stringify([request]),
          });
          open.set(id, (ev) => {
            const next =
              ev.EventType === EventType.TaskCompleted && first.asynchronousPatternEnabled !== false
                ? pollAfter(String(ev['Result']))
                : undefined;
            if (next === undefined) t.complete();
            else scheduleTimer(now + next.delayMs, () => call(pollRequest(first, next.location)));
          });
        };
        call(first);
        return t;
      }
      case ActionType.SignalEntity:
      case ActionType.CallEntity: {
        // The extension sends the entity an "op" event (EventSent); a call then waits for the
        // response, an EventRaised named by the request id.
        const signal = a.actionType === ActionType.SignalEntity;
        const id = requestId(executionId, idCounter);
        const request: EntityRequest = {
          id,
          op: a.operation ?? '',
          signal,
          input: inputJson(a.input),
          ...(signal ? {} : { parent: instanceId, parentExecution: executionId }),
        };
        decide(EventType.EventSent, 'op', {
          InstanceId: a.instanceId ?? '',
          Name: 'op',
          Input: JSON.stringify(request),
        });
        if (signal) return TaskNode.completed();
        const idx = buffered.indexOf(id);
        if (idx >= 0) {
          buffered.splice(idx, 1);
          return TaskNode.completed();
        }
        const t = new TaskNode();
        waiters.push({ name: id, task: t });
        return t;
      }
      case ActionType.ContinueAsNew:
        continueAsNewInput = inputJson(a.input) ?? 'null';
        return TaskNode.completed();
      case ActionType.CreateTimer: {
        const t = new TaskNode();
        const fireAtMs = new Date(a.fireAt ?? 0).getTime();
        if (fireAtMs - now > maximumShortTimerMs && a.isCanceled === true) {
          // A cancelled long timer: its first interval is created and cancelled, nothing follows.
          scheduleTimer(now + longTimerIntervalMs, () => undefined, true);
        } else if (fireAtMs - now > maximumShortTimerMs) {
          const arm = (): void => {
            const remaining = fireAtMs - now;
            if (remaining <= 0) t.complete();
            else
              scheduleTimer(
                remaining < longTimerIntervalMs ? now + remaining : now + longTimerIntervalMs,
                arm,
              );
          };
          arm();
        } else {
          scheduleTimer(fireAtMs, () => t.complete(), a.isCanceled === true);
        }
        // A cancelled timer is no longer an open task: it counts as completed.
        if (a.isCanceled === true) t.complete();
        return t;
      }
      case ActionType.WaitForExternalEvent: {
        const name = (a.externalEventName ?? '').toLowerCase();
        const idx = buffered.indexOf(name);
        if (idx >= 0) {
          buffered.splice(idx, 1);
          return TaskNode.completed();
        }
        const t = new TaskNode();
        waiters.push({ name, task: t });
        return t;
      }
      case ActionType.WhenAny:
      case ActionType.WhenAll: {
        const children = (a.compoundActions ?? []).map(invoke);
        const t = new TaskNode();
        const check = (): void => {
          const ok =
            a.actionType === ActionType.WhenAny
              ? children.some((c) => c.done)
              : children.every((c) => c.done);
          if (ok) t.complete();
        };
        children.forEach((c) => c.then(check));
        check();
        return t;
      }
      default:
        throw new UnsupportedAction(
          `${entityActions[a.actionType] ?? `action type ${a.actionType}`} (durable entities) is not supported by the dev host`,
        );
    }
  };

  const advance = (): void => {
    while (cursor < actions.length) {
      const t = invoke(actions[cursor++] as OrchestratorAction);
      if (!t.done) {
        t.then(advance);
        return;
      }
    }
    shimDone = true;
  };

  try {
    let started = false;
    for (const ev of deliveryOrder(history)) {
      switch (ev.EventType) {
        case EventType.OrchestratorStarted:
          now = Math.max(now, Date.parse(ev.Timestamp));
          break;
        case EventType.ExecutionStarted:
          if (!started) {
            started = true;
            advance();
          }
          break;
        case EventType.TaskScheduled:
        case EventType.TimerCreated:
        case EventType.SubOrchestrationInstanceCreated:
        case EventType.EventSent: {
          const p = pending.get(ev.EventId);
          const name = typeof ev['Name'] === 'string' ? ev['Name'] : '';
          if (
            p === undefined ||
            p.type !== ev.EventType ||
            p.name.toLowerCase() !== name.toLowerCase()
          ) {
            const kind = kindText[ev.EventType] ?? 'a task';
            return {
              decisions: [],
              shimDone,
              openTasks: open.size,
              nextId: idCounter,
              nonDeterminism: `A previous execution of this orchestration scheduled ${kind} with sequence ID ${ev.EventId}${name === '' ? '' : ` and name '${name}'`}, but the current replay did not schedule it at that point. Was the orchestrator code changed while this instance was running?`,
            };
          }
          pending.delete(ev.EventId);
          break;
        }
        case EventType.TaskCompleted:
        case EventType.TaskFailed:
        case EventType.SubOrchestrationInstanceCompleted:
        case EventType.SubOrchestrationInstanceFailed:
        case EventType.TimerFired: {
          const id = Number(
            ev.EventType === EventType.TimerFired ? ev['TimerId'] : ev['TaskScheduledId'],
          );
          const handler = open.get(id);
          if (handler !== undefined) {
            open.delete(id);
            handler(ev);
          }
          break;
        }
        case EventType.EventRaised: {
          const name = (typeof ev['Name'] === 'string' ? ev['Name'] : '').toLowerCase();
          const idx = waiters.findIndex((w) => w.name === name);
          if (idx >= 0) waiters.splice(idx, 1)[0]?.task.complete();
          else buffered.push(name);
          break;
        }
        default:
          break;
      }
    }
  } catch (err) {
    if (!(err instanceof UnsupportedAction)) throw err;
    return {
      decisions: [],
      shimDone,
      openTasks: open.size,
      nextId: idCounter,
      unsupported: err.message,
    };
  }
  const decisions = [...pending.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p.event);
  return { decisions, shimDone, openTasks: open.size, nextId: idCounter, continueAsNewInput };
}
