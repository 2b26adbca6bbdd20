/** The time range one monitoring query covers, `[fromIso, toIso)`. */
export interface QueryWindow {
  fromIso: string;
  toIso: string;
}

/**
 * The sliding window a tick at `now` queries: it ends `ingestionDelayMs` before `now` (data
 * newer than that may not be ingested yet) and reaches back `lookbackMs`, but never before
 * the swap. Returns undefined while no complete post-swap data can exist yet (the window
 * would be empty), so an early tick never judges pre-swap traffic or an empty table.
 *
 * @example queryWindow('10:00', 10:05, 5m, 2m) → [10:00, 10:03)
 */
export function queryWindow(
  swappedAt: string,
  now: Date,
  lookbackMs: number,
  ingestionDelayMs: number,
): QueryWindow | undefined {
  const swapMs = Date.parse(swappedAt);
  if (Number.isNaN(swapMs))
    throw new RangeError(`swappedAt: expected an ISO time, got ${swappedAt}`);
  const toMs = now.getTime() - ingestionDelayMs;
  const fromMs = Math.max(swapMs, toMs - lookbackMs);
  if (toMs <= fromMs) return undefined;
  return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}
