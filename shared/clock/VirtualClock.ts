import type { Clock } from './Clock.js';

interface Sleeper {
  atMs: number;
  seq: number;
  resolve: () => void;
}

/**
 * Time that stands still until told to move (tests). `advanceTo` moves it forward, waking
 * sleepers in time order and letting each one's continuations run before the next wakes.
 * Whoever drives the clock (the dev host's time-skipping loop) decides when to move it;
 * the clock itself never moves on its own.
 */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private current: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  constructor(startMs: number = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (atMs <= this.current) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const sleeper: Sleeper = { atMs, seq: this.seq++, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }

  /** The earliest time a sleeper waits for, or undefined when none waits. */
  nextWakeAt(): number | undefined {
    let next: number | undefined;
    for (const s of this.sleepers) if (next === undefined || s.atMs < next) next = s.atMs;
    return next;
  }

  /** Moves time forward by `deltaMs` (see {@link advanceTo}). */
  advance(deltaMs: number): Promise<void> {
    return this.advanceTo(this.current + deltaMs);
  }

  /**
   * Moves time forward to `targetMs`, stopping at each sleeper's time to wake it and let
   * pending microtasks and I/O callbacks run. Never moves time backwards.
   */
  async advanceTo(targetMs: number): Promise<void> {
    for (;;) {
      const due = this.sleepers
        .filter((s) => s.atMs <= targetMs)
        .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)[0];
      if (due === undefined) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      this.current = Math.max(this.current, due.atMs);
      due.resolve();
      await new Promise<void>((r) => setImmediate(r));
    }
    this.current = Math.max(this.current, targetMs);
  }
}
