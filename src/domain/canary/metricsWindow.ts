import type { QueryWindow } from '../monitor/queryWindow.js';

const minuteMs = 60_000;

/**
 * The whole minutes of platform metrics a canary sample at `now` reads: from the later of the
 * step's start (rounded up to a minute, so no point mixes the previous share) and
 * `now - lookbackMs`, up to the last minute that is complete and published (`now - delayMs`,
 * rounded down). Undefined while no whole minute of the step is available yet.
 *
 * @example metricsWindow('10:00:30', 10:04:10, 5m, 1m) → [10:01, 10:03)
 */
export function metricsWindow(
  stepStartedAt: string,
  now: Date,
  lookbackMs: number,
  delayMs: number,
): QueryWindow | undefined {
  const startMs = Date.parse(stepStartedAt);
  if (Number.isNaN(startMs))
    throw new RangeError(`stepStartedAt: expected an ISO time, got ${stepStartedAt}`);
  const toMs = Math.floor((now.getTime() - delayMs) / minuteMs) * minuteMs;
  const fromMs = Math.max(
    Math.ceil(startMs / minuteMs) * minuteMs,
    Math.ceil((now.getTime() - lookbackMs) / minuteMs) * minuteMs,
  );
  if (toMs <= fromMs) return undefined;
  return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}
