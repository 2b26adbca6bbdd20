import { describeValue } from './describeValue.js';
import { ValidationError } from './errors.js';

const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** What a duration string looks like, for error messages. */
export const durationExpectation = 'a duration such as 90s, 10m, 1h or 3d';

/**
 * Parses `90s`, `10m`, `1h`, `3d`, `250ms` or compounds such as `1h30m` into milliseconds.
 * Returns undefined for anything else (including zero-length and negative durations).
 */
export function tryParseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let totalMs = 0;
  part.lastIndex = 0;
  while (part.lastIndex < trimmed.length) {
    const start = part.lastIndex;
    const match = part.exec(trimmed);
    if (match === null || match.index !== start) return undefined;
    totalMs += Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
  }
  return Number.isFinite(totalMs) ? Math.round(totalMs) : undefined;
}

/** Like {@link tryParseDuration}, but throws a {@link ValidationError} naming `field`. */
export function parseDuration(text: unknown, field = 'duration'): number {
  const ms = typeof text === 'string' ? tryParseDuration(text) : undefined;
  if (ms === undefined) throw new ValidationError(field, durationExpectation, describeValue(text));
  return ms;
}

/** Formats milliseconds as the largest whole units, e.g. 5_400_000 → "1h30m". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of [
    ['d', unitMs.d],
    ['h', unitMs.h],
    ['m', unitMs.m],
    ['s', unitMs.s],
    ['ms', unitMs.ms],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
