/**
 * What the outside world of a fake durable run answers and when, and what the run did.
 * Times are virtual milliseconds after the fake's epoch (`fakeStartMs`, 2026-01-01T00:00Z).
 */

/**
 * An activity as the fake runs it: `call` counts the calls of this activity name in the run
 * (1-based, retries included); `raise` raises an external event on this instance now (what
 * an activity that calls the durable client does). A throw (or rejection) fails the call with
 * the error's message, as the Functions host fails an activity.
 */
export type ActivityHandler = (
  input: never,
  call: number,
  raise: (name: string, data: unknown) => void,
) => unknown;

/** A sub-orchestration's result; a throw fails it with the error's message. */
export type SubOrchestratorHandler = (input: never, instanceId: string | undefined) => unknown;

/** Event data computed at delivery from the last custom status (undefined before any). */
export type LiveEventData = (lastStatus: unknown) => unknown;

/**
 * An external event raised on the instance `atMs` after the epoch (default 0: at once). It
 * goes to the newest open wait of its name; with none open it is kept, in order, for the next
 * wait the orchestrator yields, as the SDK does. `data` may be a {@link LiveEventData}.
 */
export interface ScriptedEvent {
  name: string;
  data: unknown;
  atMs?: number;
}

/** The world of one run. */
export interface DurableScript {
  activities?: Record<string, ActivityHandler>;
  subOrchestrators?: Record<string, SubOrchestratorHandler>;
  /** How long a sub-orchestration runs before it completes (default 0). */
  subDurationMs?: Record<string, number>;
  events?: ScriptedEvent[];
  /** The parent instance (a sub-orchestration run on its own); default none (top level). */
  parentInstanceId?: string;
  /**
   * Durable's execution id in the ExecutionStarted event (default `execution-1`; a
   * continue-as-new gets `<id>+<n>`); null: the host exposes none.
   */
  executionId?: string | null;
  /** When the first episode runs, ms after the epoch (default 0). */
  startAtMs?: number;
  /** Called whenever virtual time moves, with ms after the epoch. */
  onTime?: (elapsedMs: number) => void;
  /** History events after which a run that has not ended fails the test (default 100 000). */
  maxEvents?: number;
}

/** One call an orchestrator scheduled (when its task was first yielded). */
export interface Call {
  kind: 'activity' | 'sub' | 'timer';
  name: string;
  input: unknown;
  /** When it was scheduled. */
  atMs: number;
  /** The sub-orchestration's instance id. */
  instanceId?: string;
  /** When the timer fires. */
  fireAtMs?: number;
  /** Which execution scheduled it (1, then 2… after each continue-as-new). */
  execution: number;
}

/** What a run did. */
export interface DurableRun<T> {
  /** What the orchestrator returned (undefined when it threw). */
  output?: T;
  /** What the orchestrator threw (the instance would end Failed); undefined when it returned. */
  error?: unknown;
  calls: Call[];
  /** Every custom status the orchestrator set, in order (as JSON crosses the wire). */
  statuses: unknown[];
  /** Virtual ms after the epoch when the run ended. */
  elapsedMs: number;
  /** Executions (1 + continue-as-new count). */
  executions: number;
  /** The most history events one execution held. */
  maxHistoryPerExecution: number;
  /** The calls of activity `name`. */
  activity(name: string): Call[];
  /** The custom status set last. */
  lastStatus<S>(): S;
}
