import type { Clock, VirtualClock } from '../shared/clock/index.js';
import type { Engine } from './engine/Engine.js';

/** The virtual clock, or an error naming the caller when the host runs on another clock. */
export function requireVirtual(clock: Clock, what: string): VirtualClock {
  if (clock.kind !== 'virtual')
    throw new Error(`${what}: expected a virtual clock, got a ${clock.kind} clock`);
  return clock as VirtualClock;
}

/** The next time anything waits for: an engine timer or a sleeper on the shared clock. */
export function nextWake(engine: Engine, clock: VirtualClock): number | undefined {
  const a = engine.nextTimerAt();
  const b = clock.nextWakeAt();
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/**
 * Moves virtual time forward by `ms`: runs everything runnable, then jumps to the next due
 * timer (engine or clock sleeper) while it lies within the window, and finally to the end.
 * Time never moves while an episode, activity or HTTP request is in flight.
 */
export async function advanceVirtual(
  engine: Engine,
  clock: VirtualClock,
  ms: number,
): Promise<void> {
  if (!(ms >= 0)) throw new RangeError(`advance: expected ms >= 0, got ${ms}`);
  const target = clock.now() + ms;
  for (;;) {
    await engine.settle();
    const next = nextWake(engine, clock);
    if (next === undefined || next > target) break;
    await clock.advanceTo(next);
  }
  await clock.advanceTo(target);
  await engine.settle();
}
