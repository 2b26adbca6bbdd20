const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads a duration such as `90s`, `10m`, `1h`, `250ms` or a bare number of milliseconds.
 * Throws a RangeError naming `field` when the text is not a duration.
 */
export function parseDuration(value: string | number, field: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new RangeError(`${field}: expected a duration >= 0, got ${value}`);
  }
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  const unit = match?.[2];
  if (match === null || unit === undefined) {
    throw new RangeError(
      `${field}: expected a duration like 90s, 10m or 1h, got ${JSON.stringify(value)}`,
    );
  }
  return Number(match[1]) * (UNIT_MS[unit] ?? 1);
}
