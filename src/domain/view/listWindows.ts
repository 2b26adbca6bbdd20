/**
 * One created-time window of a list scan, in epoch ms, both ends inclusive (as Durable's
 * `createdTimeFrom` / `createdTimeTo`); no `toMs` means "up to now and beyond".
 */
export interface CreatedWindow {
  fromMs: number;
  toMs?: number;
}

/** Span of the newest window; each older window is {@link windowGrowth} times wider. */
export const firstWindowMs = 86_400_000;
/** How much wider each window is than the one before it. */
export const windowGrowth = 4;

const secondMs = 1000;
const floorToSecond = (ms: number): number => Math.floor(ms / secondMs) * secondMs;

/**
 * The created-time windows a list scans, newest first, so a caller can stop as soon as it
 * has enough releases: one day back from `nowMs` (or from the cursor's `beforeMs`), then
 * four times wider each time, down to `sinceMs`. Windows do not overlap and their edges fall
 * on whole seconds, because the status API reports created times to the second: every
 * release of a newer window sorts before every release of an older one. With `beforeMs`
 * the newest window ends at the end of that second (the cursor's own second is listed again
 * and filtered by id). Empty when `beforeMs` lies before `sinceMs`. Pure.
 *
 * @example listWindows({ nowMs: Date.parse('2026-12-05T12:00:00Z'), sinceMs: Date.parse('2026-11-05T12:00:00Z') })
 * // → 12-04T12:00 .. open, 11-30T12:00 .. 12-04T11:59:59.999, 11-14T12:00 .. 11-30T11:59:59.999,
 * //   11-05T12:00 .. 11-14T11:59:59.999
 */
export function listWindows(bounds: {
  nowMs: number;
  sinceMs: number;
  beforeMs?: number;
}): CreatedWindow[] {
  const lower = floorToSecond(bounds.sinceMs);
  const anchor = bounds.beforeMs === undefined ? bounds.nowMs : floorToSecond(bounds.beforeMs);
  let toMs = bounds.beforeMs === undefined ? undefined : anchor + secondMs - 1;
  if (toMs !== undefined && toMs < lower) return [];
  const windows: CreatedWindow[] = [];
  let edge = anchor;
  let widthMs = firstWindowMs;
  for (;;) {
    const fromMs = Math.max(lower, floorToSecond(edge - widthMs));
    windows.push(toMs === undefined ? { fromMs } : { fromMs, toMs });
    if (fromMs <= lower) return windows;
    toMs = fromMs - 1;
    edge = fromMs;
    widthMs *= windowGrowth;
  }
}
