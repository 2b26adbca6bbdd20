/** ISO text of a Date or a date string as the durable API sends it (already ISO-like). */
export function toIso(value: Date | string): string {
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
  }
  return value.toISOString();
}
