import type { Clock } from './Clock.js';
import { sleepReal } from './sleepReal.js';

/**
 * Time that runs `factor` times faster than the wall clock (demo mode: factor 60 turns one hour
 * of monitoring into one minute). By default it starts at the real "now"; with an anchor
 * (`realStartMs` = `startMs` = the same epoch ms) it is a pure function of the wall clock, so
 * two processes, or one process restarted, given the same anchor agree on "now".
 *
 * @example new ScaledClock(60, anchorMs, anchorMs) // anchorMs + 60 × (real time since anchorMs)
 */
export class ScaledClock implements Clock {
  readonly kind = 'scaled' as const;
  constructor(
    readonly factor: number,
    private readonly startMs: number = Date.now(),
    private readonly realStartMs: number = Date.now(),
  ) {
    if (!(factor > 0)) throw new RangeError(`time scale: expected a number > 0, got ${factor}`);
  }

  now(): number {
    return this.startMs + (Date.now() - this.realStartMs) * this.factor;
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    return sleepReal((atMs - this.now()) / this.factor, signal);
  }
}
