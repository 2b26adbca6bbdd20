/** Pure reading of the console's auto-refresh interval. */

/** Default, shortest and longest refresh intervals. */
export const refreshLimits = { defaultMs: 5000, minMs: 500, maxMs: 60_000 } as const;

/**
 * The auto-refresh interval from the page's query string (`?refreshMs=2000`), clamped to
 * {@link refreshLimits}; the default when absent or not a whole number.
 */
export function refreshIntervalMs(search: string): number {
  const raw = new URLSearchParams(search).get('refreshMs');
  if (raw === null || !/^\d+$/.test(raw)) return refreshLimits.defaultMs;
  return Math.min(refreshLimits.maxMs, Math.max(refreshLimits.minMs, Number(raw)));
}
