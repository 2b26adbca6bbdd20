/** Delay used when a transient failure names no Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 5_000;

/** Reads one response header, whatever the header container looks like. */
export type HeaderReader = (name: string) => string | null | undefined;

/**
 * The delay a server asked for, in ms: `retry-after-ms` / `x-ms-retry-after-ms` (ms), else
 * `Retry-After` as seconds or an HTTP date (relative to `nowMs`). Falls back to
 * {@link DEFAULT_RETRY_AFTER_MS} when absent or unreadable; never negative.
 */
export function retryAfterMs(header: HeaderReader, nowMs: number = Date.now()): number {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(header(name) ?? Number.NaN);
    if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  }
  const text = header('retry-after')?.trim();
  if (text === undefined || text === '') return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - nowMs);
}
