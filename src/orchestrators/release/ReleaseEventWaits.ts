import type { Task } from 'durable-functions';

/** Fresh waits by event name, or a real event that had already arrived for one of them. */
export type OpenedWaits =
  { kind: 'waits'; waits: Map<string, Task> } | { kind: 'early'; name: string; payload: unknown };

/**
 * How a release waits for its external events (approve, reject, cancel, supersede) across
 * many races without losing one: `open` before each race, `settle` with its winner after.
 */
export interface ReleaseEventWaits {
  open(names: readonly string[]): Generator<Task, OpenedWaits, unknown>;
  settle(waits: Map<string, Task>, winner: unknown): void;
}
