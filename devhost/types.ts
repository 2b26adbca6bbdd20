import type { Clock } from './clock/index.js';

/** Runtime statuses, as the Durable HTTP status API names them. */
export type RuntimeStatus =
  | 'Pending'
  | 'Running'
  | 'Completed'
  | 'ContinuedAsNew'
  | 'Failed'
  | 'Canceled'
  | 'Terminated'
  | 'Suspended';

/** One orchestration instance as the HTTP status API returns it, with JSON fields parsed. */
export interface InstanceStatus {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  /** ISO-8601, second precision, as the real host formats it. */
  createdTime: string;
  lastUpdatedTime: string;
}

/** How to start a dev host. Only `appDir` is required. */
export interface DevHostOptions {
  /** Folder with package.json + host.json (+ local.settings.json). */
  appDir: string;
  /** Port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  /** SQLite file path or ':memory:' (the default). */
  db?: string;
  /** Time source shared with the engine's timers; default a RealClock. */
  clock?: Clock;
  /** Enforce function keys on HTTP triggers and host webhooks (Core Tools `--enableAuth`). */
  strictAuth?: boolean;
  /**
   * App settings set into process.env before the app loads. Precedence, as with Core Tools:
   * these, then environment variables already set (non-empty), then local.settings.json Values.
   */
  settings?: Record<string, string>;
  /** A local.settings.json-style file read instead of the app folder's own (`--settings FILE`). */
  settingsFile?: string;
  /** Largest accepted request body in bytes (default 100 MB, the Functions host limit); larger gets 413. */
  maxRequestBodyBytes?: number;
  /** Host log lines; silent when absent. */
  log?: (line: string) => void;
}

/** A running dev host. `stop()` is idempotent. */
export interface DevHost {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly clock: Clock;
  /** A key accepted on function- and admin-level routes (the master key). */
  readonly functionKey: string;
  /**
   * The key of one function (`DEVHOST_FUNCTION_KEYS`, else a dev-only default), accepted in
   * strict mode on that function's function-level routes only: what an Azure Monitor action
   * group's URL carries for the alerts function.
   */
  functionKeyOf(functionName: string): string;
  /**
   * Virtual clock only: move time forward by `ms`, running every episode, activity and timer
   * that becomes due, jumping from timer to timer.
   */
  advance(ms: number): Promise<void>;
  /**
   * Run work (skipping virtual time to the next due timer whenever nothing else can run)
   * until `predicate` holds on the instance's status. Rejects after `maxVirtualMs` of skipped
   * time or `realTimeoutMs` (default 10 s) of real time.
   */
  waitFor(
    instanceId: string,
    predicate: (s: InstanceStatus) => boolean,
    opts?: { maxVirtualMs?: number; realTimeoutMs?: number },
  ): Promise<InstanceStatus>;
  /** Let all currently runnable work finish without moving virtual time. */
  settle(): Promise<void>;
  /** The instance's status, or undefined when no such instance exists. */
  getStatus(instanceId: string): Promise<InstanceStatus | undefined>;
  /**
   * The current execution's raw history as the engine recorded it (PascalCase DTFx events with
   * EventId and IsPlayed), or undefined when no such instance exists. For conformance tests.
   */
  history(instanceId: string): Promise<Record<string, unknown>[] | undefined>;
  /** The durableClient binding data this host hands to client functions (for `df.getClient`). */
  durableClientData(): Record<string, unknown>;
  /** Stop serving, finish in-flight work, close the database. */
  stop(): Promise<void>;
}
