import type { Clock } from './Clock.js';
import { sleepReal } from './sleepReal.js';

/**
 * Time that runs `factor` times faster than the wall clock, starting at the real "now"
 * (demo mode: factor 60 turns one hour of monitoring into one minute).
 */
export class ScaledClock implements Clock {
  readonly kind = 'scaled' as const;
  private readonly realStartMs = Date.now();

  constructor(
    readonly factor: number,
    private readonly startMs: number = Date.now(),
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
