/** The monitoring window: from the swap to the swap plus the configured duration (ISO). */
export interface MonitorWindow {
  startedAt: string;
  endsAt: string;
}

/**
 * When the next sample is due after `now`: ticks sit on a fixed grid `startedAt + k·interval`
 * (k ≥ 1), so a restart or a pause never shifts later ticks. The last tick is at `endsAt`
 * itself (the grid is cut there). Returns undefined once `now` has reached `endsAt`: the
 * window is over.
 *
 * @example nextTick({startedAt:'10:00', endsAt:'11:00'}, 1m, 10:00:30) → '10:01'
 */
export function nextTick(window: MonitorWindow, intervalMs: number, now: Date): string | undefined {
  if (!(intervalMs > 0)) throw new RangeError(`intervalMs: expected > 0, got ${intervalMs}`);
  const startMs = Date.parse(window.startedAt);
  const endMs = Date.parse(window.endsAt);
  const nowMs = now.getTime();
  if (nowMs >= endMs) return undefined;
  const k = nowMs < startMs ? 1 : Math.floor((nowMs - startMs) / intervalMs) + 1;
  return new Date(Math.min(startMs + k * intervalMs, endMs)).toISOString();
}
