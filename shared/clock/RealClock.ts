import type { Clock } from './Clock.js';
import { sleepReal } from './sleepReal.js';

/** Wall-clock time: what Azure Functions runs on. */
export class RealClock implements Clock {
  readonly kind = 'real' as const;

  now(): number {
    return Date.now();
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    return sleepReal(atMs - Date.now(), signal);
  }
}
