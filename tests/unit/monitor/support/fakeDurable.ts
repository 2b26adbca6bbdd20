/**
 * An in-memory stand-in for the durable orchestration context, shaped after the DF 3.x
 * semantics the monitor relies on: an external event is delivered to the open waiter of its
 * name whenever it is due (even while the orchestrator awaits an activity), `Task.any` over an
 * already-completed task never completes by it, `continueAsNew` starts a fresh execution
 * (waiters and unconsumed deliveries are dropped), and virtual time moves only to the next
 * timer or event. Activities are async functions (real activity code over in-memory ports).
 */
import type { OrchestrationContext } from 'durable-functions';

interface FakeTask {
  kind: 'activity' | 'timer' | 'event' | 'any';
  name: string;
  input?: unknown;
  fireAtMs?: number;
  children?: FakeTask[];
  isCompleted: boolean;
  isFaulted: boolean;
  isCanceled: boolean;
  result?: unknown;
  parentAny?: FakeTask;
  cancel: () => void;
}

/** An activity as the fake runs it; a throw fails the call with the thrown message. */
export type FakeActivity = (input: never) => Promise<unknown>;

/** One external event, due `atMs` after the start. */
export interface FakeEvent {
  name: string;
  data: unknown;
  atMs: number;
}

/** What a run did. */
export interface FakeRun<T> {
  output: T;
  /** Virtual ms from the start to the end. */
  elapsedMs: number;
  /** Executions (1 + continue-as-new count). */
  executions: number;
  /** Most durable history events any one execution held (scheduled + completed per task, 2 per episode). */
  maxHistoryPerExecution: number;
  calls: { name: string; input: unknown; atMs: number }[];
  statuses: unknown[];
  lastStatus<S>(): S;
}

/** Options of {@link runFake}. */
export interface FakeOptions {
  activities: Record<string, FakeActivity>;
  events?: FakeEvent[];
  /** Wraps a thrown activity error as the host would (message marker), default: message. */
  encodeError?: (error: unknown) => string;
  /** Called whenever virtual time moves, with ms since start. */
  onTime?: (elapsedMs: number) => void;
  startMs?: number;
  maxSteps?: number;
}

/** Starting instant of fake runs (2026-01-01T10:00:00Z). */
export const fakeStartMs = Date.UTC(2026, 0, 1, 10, 0, 0);

/** Runs `orchestrator` over `input` until it returns (following continue-as-new). */
export async function runFake<T>(
  orchestrator: (context: OrchestrationContext) => Generator<unknown, T, unknown>,
  input: unknown,
  options: FakeOptions,
): Promise<FakeRun<T>> {
  const startMs = options.startMs ?? fakeStartMs;
  let now = startMs;
  const events = [...(options.events ?? [])]
    .map((e) => ({ ...e, at: startMs + e.atMs }))
    .sort((a, b) => a.at - b.at);
  const calls: FakeRun<T>['calls'] = [];
  const statuses: unknown[] = [];
  let waiters: FakeTask[] = [];
  let continued: { input: unknown } | undefined;
  let history = 0;
  let maxHistory = 0;

  const setNow = (ms: number) => {
    if (ms > now) {
      now = ms;
      options.onTime?.(now - startMs);
    }
  };
  const task = (kind: FakeTask['kind'], name: string, extra: Partial<FakeTask> = {}): FakeTask => {
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
  const settle = (t: FakeTask, ok: boolean, value: unknown) => {
    t.isCompleted = ok;
    t.isFaulted = !ok;
    t.result = value;
    history += 1;
  };
  /** Delivers every event due by `now` to the newest open waiter of its name. */
  const deliverDue = () => {
    for (let i = 0; i < events.length;) {
      const e = events[i]!;
      const waiter = [...waiters].reverse().find((w) => w.name === e.name && !w.isCompleted);
      if (e.at <= now && waiter !== undefined) {
        events.splice(i, 1);
        settle(waiter, true, structuredClone(e.data));
      } else i += 1;
    }
  };

  const df = {
    instanceId: 'rel-1-monitor',
    isReplaying: false,
    get currentUtcDateTime() {
      return new Date(now);
    },
    getInput: () => structuredClone(currentInput),
    setCustomStatus: (s: unknown) => statuses.push(structuredClone(s)),
    callActivity: (name: string, i: unknown) => task('activity', name, { input: i }),
    createTimer: (at: Date) => {
      history += 1;
      return task('timer', 'timer', { fireAtMs: at.getTime() });
    },
    waitForExternalEvent: (name: string) => {
      const w = task('event', name);
      waiters.push(w);
      return w;
    },
    continueAsNew: (i: unknown) => {
      continued = { input: structuredClone(i) };
    },
    Task: { any: (children: FakeTask[]) => task('any', 'any', { children }) },
  };

  const resolve = async (t: FakeTask): Promise<void> => {
    history += 2; // one episode per yield: OrchestratorStarted/Completed
    switch (t.kind) {
      case 'activity': {
        history += 1;
        calls.push({ name: t.name, input: structuredClone(t.input), atMs: now - startMs });
        const run = options.activities[t.name];
        try {
          if (run === undefined) throw new Error(`no fake for activity ${t.name}`);
          settle(t, true, structuredClone((await run(t.input as never)) ?? null));
        } catch (error) {
          const text =
            options.encodeError?.(error) ??
            (error instanceof Error ? error.message : String(error));
          settle(t, false, new Error(`Activity function '${t.name}' failed: ${text} \n {}`));
        }
        deliverDue();
        return;
      }
      case 'timer':
        setNow(t.fireAtMs ?? now);
        settle(t, true, undefined);
        deliverDue();
        return;
      case 'event': {
        deliverDue();
        if (t.isCompleted) return;
        const e = events.find((x) => x.name === t.name);
        if (e === undefined)
          throw new Error(`deadlock: waiting for event ${t.name} that never comes`);
        setNow(e.at);
        deliverDue();
        return;
      }
      case 'any': {
        const children = t.children ?? [];
        deliverDue();
        const done = children.find((c) => c.isCompleted && c.kind === 'event' && c.parentAny === t);
        if (done !== undefined) return settle(t, true, done);
        for (const c of children) c.parentAny = t;
        let best: { at: number; child: FakeTask } | undefined;
        for (const c of children) {
          if (c.isCompleted) continue; // DF: a completed child never completes a new Task.any
          const at =
            c.kind === 'timer'
              ? c.fireAtMs
              : c.kind === 'event'
                ? events.find((x) => x.name === c.name)?.at
                : undefined;
          if (at !== undefined && (best === undefined || at < best.at)) best = { at, child: c };
        }
        if (best === undefined)
          throw new Error('deadlock: Task.any with nothing that can complete');
        setNow(best.at);
        if (best.child.kind === 'timer') settle(best.child, true, undefined);
        deliverDue();
        const winner = children.find((c) => c.isCompleted && c === best.child) ?? best.child;
        settle(t, true, winner);
        return;
      }
    }
  };

  let currentInput = input;
  let executions = 0;
  const maxSteps = options.maxSteps ?? 100_000;
  let steps = 0;
  for (;;) {
    executions += 1;
    history = 2;
    waiters = [];
    continued = undefined as { input: unknown } | undefined;
    const generator = orchestrator({ df } as unknown as OrchestrationContext);
    let step = generator.next();
    while (!step.done) {
      steps += 1;
      if (steps > maxSteps) throw new Error(`no end after ${maxSteps} steps`);
      const t = step.value as FakeTask;
      await resolve(t);
      maxHistory = Math.max(maxHistory, history);
      step = t.isFaulted ? generator.throw(t.result) : generator.next(t.result);
    }
    maxHistory = Math.max(maxHistory, history);
    const next = continued;
    if (next === undefined) {
      return {
        output: step.value,
        elapsedMs: now - startMs,
        executions,
        maxHistoryPerExecution: maxHistory,
        calls,
        statuses,
        lastStatus: <S>() => statuses.at(-1) as S,
      };
    }
    currentInput = next.input;
  }
}
