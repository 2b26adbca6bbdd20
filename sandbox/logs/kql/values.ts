/** A Kusto `datetime` (epoch milliseconds, UTC). */
export class KDate {
  constructor(readonly ms: number) {}
}

/** A Kusto `timespan` (milliseconds). */
export class KSpan {
  constructor(readonly ms: number) {}
}

/** A KQL runtime value; arrays and plain objects are `dynamic`. */
export type Value =
  null | boolean | number | string | KDate | KSpan | unknown[] | { [key: string]: unknown };

/** A row: column name → value (hidden fields start with `$`). */
export type Row = Record<string, Value>;

/** Whether a value counts as true in `where`. */
export function truthy(v: Value): boolean {
  return v === true;
}

/** Orders two values (null first); mixed kinds compare by their string form. */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a instanceof KDate && b instanceof KDate) return a.ms - b.ms;
  if (a instanceof KSpan && b instanceof KSpan) return a.ms - b.ms;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = toText(a);
  const sb = toText(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Equality as `==` has it: null equals nothing, datetimes and timespans by value. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  if ((a instanceof KDate && b instanceof KDate) || (a instanceof KSpan && b instanceof KSpan))
    return a.ms === b.ms;
  if (typeof a === 'object' || typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** ISO form of a datetime as Kusto prints it (7 fractional digits). */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}0000Z`;
}

/** `[-][d.]hh:mm:ss[.fffffff]` as Kusto prints timespans. */
export function formatSpan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = Math.round((rest - s * 1000) * 10_000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${sign}${days > 0 ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac > 0 ? `.${pad(frac, 7)}` : ''}`;
}

/** `tostring()`: null → "", datetimes ISO, dynamic as JSON. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (v instanceof KDate) return formatDate(v.ms);
  if (v instanceof KSpan) return formatSpan(v.ms);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A number from a value (`todouble`), or null when it has none. */
export function toNumber(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof KDate || v instanceof KSpan) return v.ms * 10_000;
  if (typeof v === 'string') {
    const n = Number(v.trim());
    return v.trim() === '' || Number.isNaN(n) ? null : n;
  }
  return null;
}

/** A cell as Log Analytics serialises it in `rows` (type from the column). */
export function toWire(v: Value, type: string): unknown {
  if (v === null) return null;
  if (v instanceof KDate) return formatDate(v.ms);
  if (v instanceof KSpan) return formatSpan(v.ms);
  if (type === 'dynamic') return typeof v === 'string' ? v : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return type === 'real' ? String(v) : null;
  return v;
}
