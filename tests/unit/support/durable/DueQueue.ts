import { fakeStartMs } from './fakeTime.js';
import type { SdkHistoryEvent } from './sdk.js';

/** Something due at `atMs`: it yields the history event to feed, or nothing (a cancelled timer). */
export interface Due {
  atMs: number;
  seq: number;
  /** The execution it belongs to; 0: the instance (external events outlive an execution). */
  execution: number;
  fire: () => Promise<SdkHistoryEvent | undefined>;
}

/**
 * The fake runtime's virtual clock and what is due on it. Time only moves to the next thing
 * due; at one instant things come in the order they were enqueued.
 */
export class DueQueue {
  private readonly due: Due[] = [];
  private seq = 0;

  /** @param nowMs the first instant; `onTime` hears every move (ms after the epoch). */
  constructor(
    public nowMs: number,
    private readonly onTime?: (elapsedMs: number) => void,
  ) {}

  /** Makes `fire` due at `atMs` (for `execution`, or 0: the instance). */
  enqueue(atMs: number, execution: number, fire: Due['fire']): void {
    this.due.push({ atMs, seq: (this.seq += 1), execution, fire });
  }

  /**
   * Takes the next thing due for `execution` and moves the clock to it (what an earlier
   * execution left behind is dropped); undefined when nothing is left.
   */
  next(execution: number): Due | undefined {
    let best = -1;
    this.due.forEach((d, i) => {
      if (d.execution !== 0 && d.execution !== execution) return;
      const b = this.due[best];
      if (b === undefined || d.atMs < b.atMs || (d.atMs === b.atMs && d.seq < b.seq)) best = i;
    });
    const taken = best < 0 ? undefined : this.due.splice(best, 1)[0];
    if (taken !== undefined && taken.atMs > this.nowMs) {
      this.nowMs = taken.atMs;
      this.onTime?.(this.nowMs - fakeStartMs);
    }
    return taken;
  }
}
