/**
 * A small in-memory stand-in for the parts of the durable orchestration context Slotpilot's
 * orchestrators use, to drive their generators and record the decisions they make. Time
 * moves only to the timers and events the orchestrator waits for.
 */
import type { OrchestrationContext } from 'durable-functions';

import { encodeActivityFailure } from '../../../../src/domain/release/index.js';
import type { MemoryStartClaims } from './MemoryStartClaims.js';
import { inputVerifier, sealChild, startInput } from './seals.js';

type Kind = 'activity' | 'timer' | 'event' | 'sub' | 'any' | 'all';

/** A task as the fake hands it out; mirrors the fields of a durable Task. */
export interface FakeTask {
  kind: Kind;
  name: string;
  input?: unknown;
  instanceId?: string;
  fireAtMs?: number;
  children?: FakeTask[];
  retries?: number;
  isCompleted: boolean;
  isFaulted: boolean;
  isCanceled: boolean;
  result?: unknown;
  cancel: () => void;
}

/** One recorded call an orchestrator made. */
export interface Call {
  kind: 'activity' | 'sub' | 'timer';
  name: string;
  input: unknown;
  atMs: number;
  instanceId?: string;
  fireAtMs?: number;
}

/**
 * An external event that arrives `atMs` after the start (default: whenever awaited). `data`
 * may be a {@link LiveEventData}: it is then computed when the event is delivered, from the
 * custom status the orchestration published last (as the API reads it before it raises).
 */
export interface ScriptedEvent {
  name: string;
  data: unknown;
  atMs?: number;
}

/** Event data computed at delivery from the last custom status (undefined before any). */
export type LiveEventData = (lastStatus: unknown) => unknown;

/** What the outside world answers. A handler that throws makes the call fail. */
export interface Script {
  activities?: Record<
    string,
    (input: never, attempt: number, raise: (name: string, data: unknown) => void) => unknown
  >;
  subOrchestrators?: Record<string, (input: never, instanceId: string | undefined) => unknown>;
  events?: ScriptedEvent[];
  /**
   * The orchestrator name the input is sealed for (default: the generator function's name).
   * The input is sealed as Slotpilot would start it unless it has a `seal` field already.
   */
  orchestratorName?: string;
  /** The parent instance (a sub-orchestration run on its own); default none (top-level start). */
  parentInstanceId?: string;
  /** How long a sub-orchestration runs before it completes (default 0), for races against events. */
  subDurationMs?: Record<string, number>;
  /**
   * Where top-level starts claim their sealed input (default: a fresh store per run). Share
   * one between runs to start the same instance again.
   */
  startClaims?: MemoryStartClaims;
  /** Durable's execution id in the history (default `execution-1`); null: none exposed. */
  executionId?: string | null;
  /** The execution's first episode, ms after the fake's epoch (default 0). */
  startAtMs?: number;
}

/** What a run did. */
export interface Run<T> {
  output?: T;
  /** What the orchestrator threw (the instance would end Failed); undefined when it returned. */
  error?: unknown;
  calls: Call[];
  statuses: unknown[];
  /** Virtual ms elapsed from the start. */
  elapsedMs: number;
  activity(name: string): Call[];
  lastStatus<S>(): S;
}

const startMs = Date.UTC(2026, 0, 1, 0, 0, 0);

/**
 * Runs `orchestrator` to completion against `script`. The real `verifyOrchestrationInput` and
 * `sealOrchestrationInput` activities (test key) run unless the script replaces them.
 */
export function runOrchestration<T>(
  orchestrator: (context: OrchestrationContext) => Generator<unknown, T, unknown>,
  input: unknown,
  script: Script,
  instanceId = 'release-1',
): Run<T> {
  let now = startMs + (script.startAtMs ?? 0);
  const sealedInput = startInput(
    script.orchestratorName ?? orchestrator.name,
    instanceId,
    input,
    script.parentInstanceId,
  );
  const activities: NonNullable<Script['activities']> = {
    verifyOrchestrationInput: inputVerifier(script.startClaims),
    sealOrchestrationInput: sealChild,
    ...script.activities,
  };
  const calls: Call[] = [];
  const statuses: unknown[] = [];
  const pending = (script.events ?? []).map((e) => ({ ...e, at: startMs + (e.atMs ?? 0) }));
  const attempts = new Map<string, number>();

  const task = (kind: Kind, name: string, extra: Partial<FakeTask> = {}): FakeTask => {
    const t: FakeTask = {
      kind,
      name,
      isCompleted: false,
      isFaulted: false,
      isCanceled: false,
      cancel: () => {
        t.isCanceled = true;
      },
      ...extra,
    };
    return t;
  };

  const executionId = script.executionId === undefined ? 'execution-1' : script.executionId;
  const df = {
    // The history as durable-functions keeps it on the context (only ExecutionStarted here).
    state:
      executionId === null
        ? undefined
        : [
            {
              EventType: 0,
              OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
            },
          ],
    instanceId,
    parentInstanceId: script.parentInstanceId,
    isReplaying: false,
    get currentUtcDateTime() {
      return new Date(now);
    },
    getInput: () => structuredClone(sealedInput),
    setCustomStatus: (s: unknown) => statuses.push(structuredClone(s)),
    callActivity: (name: string, i: unknown) => task('activity', name, { input: i }),
    callActivityWithRetry: (name: string, retry: { maxNumberOfAttempts: number }, i: unknown) =>
      task('activity', name, { input: i, retries: retry.maxNumberOfAttempts }),
    callSubOrchestrator: (name: string, i: unknown, id?: string) =>
      task('sub', name, { input: i, ...(id === undefined ? {} : { instanceId: id }) }),
    createTimer: (at: Date) => task('timer', 'timer', { fireAtMs: at.getTime() }),
    waitForExternalEvent: (name: string) => task('event', name),
    Task: {
      any: (children: FakeTask[]) => task('any', 'any', { children }),
      all: (children: FakeTask[]) => task('all', 'all', { children }),
    },
  };

  const settle = (t: FakeTask, ok: boolean, value: unknown): void => {
    t.isCompleted = true;
    t.isFaulted = !ok;
    t.result = value;
  };

  const raise = (name: string, data: unknown): void => {
    pending.push({ name, data, at: now });
  };

  const runActivity = (t: FakeTask): void => {
    const handler = activities[t.name];
    const tries = t.retries ?? 1;
    for (let i = 1; i <= tries; i += 1) {
      const n = (attempts.get(t.name) ?? 0) + 1;
      attempts.set(t.name, n);
      calls.push({
        kind: 'activity',
        name: t.name,
        input: structuredClone(t.input),
        atMs: now - startMs,
      });
      try {
        if (handler === undefined) throw new Error(`no fake for activity ${t.name}`);
        settle(t, true, structuredClone(handler(t.input as never, n, raise)) ?? null);
        return;
      } catch (error) {
        const msg = `Activity function '${t.name}' failed: ${encodeActivityFailure(error)} \n {"Message":"x"}`;
        settle(t, false, new Error(msg));
      }
    }
  };

  const runSub = (t: FakeTask): void => {
    calls.push({
      kind: 'sub',
      name: t.name,
      input: structuredClone(t.input),
      atMs: now - startMs,
      ...(t.instanceId === undefined ? {} : { instanceId: t.instanceId }),
    });
    const handler = script.subOrchestrators?.[t.name];
    try {
      if (handler === undefined) throw new Error(`no fake for sub-orchestration ${t.name}`);
      settle(t, true, structuredClone(handler(t.input as never, t.instanceId)));
    } catch (error) {
      settle(t, false, new Error(`Orchestrator function '${t.name}' failed: ${String(error)}`));
    }
  };

  const nextEvent = (name: string): { at: number; index: number } | undefined => {
    let best: { at: number; index: number } | undefined;
    pending.forEach((e, index) => {
      if (e.name === name && (best === undefined || e.at < best.at)) best = { at: e.at, index };
    });
    return best;
  };

  const deliver = (t: FakeTask, index: number): void => {
    const [e] = pending.splice(index, 1);
    if (e === undefined) throw new Error('no event');
    now = Math.max(now, e.at);
    const data: unknown =
      typeof e.data === 'function' ? (e.data as LiveEventData)(statuses.at(-1)) : e.data;
    settle(t, true, structuredClone(data));
  };

  const resolve = (t: FakeTask): void => {
    if (t.isCompleted) return;
    switch (t.kind) {
      case 'activity':
        return runActivity(t);
      case 'sub':
        return runSub(t);
      case 'timer':
        calls.push({
          kind: 'timer',
          name: 'timer',
          input: null,
          atMs: now - startMs,
          fireAtMs: (t.fireAtMs ?? now) - startMs,
        });
        now = Math.max(now, t.fireAtMs ?? now);
        return settle(t, true, undefined);
      case 'event': {
        const e = nextEvent(t.name);
        if (e === undefined)
          throw new Error(`deadlock: waiting for event ${t.name} that never comes`);
        return deliver(t, e.index);
      }
      case 'all': {
        const children = t.children ?? [];
        children.forEach(resolve);
        const failed = children.find((c) => c.isFaulted);
        return failed
          ? settle(t, false, failed.result)
          : settle(
              t,
              true,
              children.map((c) => c.result),
            );
      }
      case 'any': {
        const children = t.children ?? [];
        // An event that has already arrived wins over work that has yet to run.
        for (const child of children) {
          const e = child.kind === 'event' ? nextEvent(child.name) : undefined;
          if (e !== undefined && e.at <= now) {
            deliver(child, e.index);
            return settle(t, true, child);
          }
        }
        const lasts = (c: FakeTask) =>
          c.kind === 'sub' ? (script.subDurationMs?.[c.name] ?? 0) : 0;
        const immediate = children.find(
          (c) => c.kind === 'activity' || (c.kind === 'sub' && lasts(c) === 0) || c.isCompleted,
        );
        if (immediate !== undefined) {
          resolve(immediate);
          return settle(t, true, immediate);
        }
        let winner: { child: FakeTask; at: number; index?: number } | undefined;
        for (const child of children) {
          if (child.kind === 'sub') {
            const at = now + lasts(child);
            if (winner === undefined || at < winner.at) winner = { child, at };
          } else if (child.kind === 'timer') {
            calls.push({
              kind: 'timer',
              name: 'timer',
              input: null,
              atMs: now - startMs,
              fireAtMs: (child.fireAtMs ?? now) - startMs,
            });
            const at = child.fireAtMs ?? now;
            if (winner === undefined || at < winner.at) winner = { child, at };
          } else if (child.kind === 'event') {
            const e = nextEvent(child.name);
            const at = e === undefined ? undefined : Math.max(now, e.at);
            if (
              e !== undefined &&
              at !== undefined &&
              (winner === undefined ||
                at < winner.at ||
                (at === winner.at && winner.child.kind === 'timer'))
            ) {
              winner = { child, at, index: e.index };
            }
          }
        }
        if (winner === undefined)
          throw new Error('deadlock: Task.any with nothing that can complete');
        if (winner.index !== undefined) deliver(winner.child, winner.index);
        else if (winner.child.kind === 'sub') {
          now = Math.max(now, winner.at);
          resolve(winner.child);
        } else {
          now = Math.max(now, winner.at);
          settle(winner.child, true, undefined);
        }
        return settle(t, true, winner.child);
      }
    }
  };

  const context = { df } as unknown as OrchestrationContext;
  const generator = orchestrator(context);
  const run: Run<T> = {
    calls,
    statuses,
    elapsedMs: 0,
    activity: (name) => calls.filter((c) => c.kind === 'activity' && c.name === name),
    lastStatus: <S>() => statuses.at(-1) as S,
  };
  // An error the orchestrator throws ends the instance Failed (kept in `run.error`); errors of
  // the fake itself (deadlock, no fake activity) still fail the test at once.
  const advance = (t?: FakeTask): IteratorResult<unknown, T> | undefined => {
    try {
      if (t === undefined) return generator.next();
      return t.isFaulted ? generator.throw(t.result) : generator.next(t.result);
    } catch (error) {
      run.error = error;
      return undefined;
    }
  };
  let step = advance();
  for (let guard = 0; step !== undefined && !step.done; guard += 1) {
    if (guard > 10_000) throw new Error('orchestrator did not finish in 10000 steps');
    const t = step.value as FakeTask;
    resolve(t);
    step = advance(t);
  }
  if (step?.done === true) run.output = step.value;
  run.elapsedMs = now - startMs;
  return run;
}

/** The fake's start time as ISO text. */
export const fakeStartIso = new Date(startMs).toISOString();
