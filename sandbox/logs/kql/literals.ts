import { KqlError } from './KqlError.js';
import { KDate, KSpan, type Value } from './values.js';

const SPAN_UNITS: Array<[RegExp, number]> = [
  [/^(d|day|days)$/, 86_400_000],
  [/^(h|hr|hrs|hour|hours)$/, 3_600_000],
  [/^(m|min|minute|minutes)$/, 60_000],
  [/^(s|sec|second|seconds)$/, 1000],
  [/^(ms|milli|millis|millisecond|milliseconds)$/, 1],
  [/^(microsecond|microseconds)$/, 0.001],
  [/^(tick|ticks)$/, 0.0001],
];

/** Reads a timespan literal: `5m`, `1.5h`, `100ms`, `timespan(1d)`, `time(00:05:00)`. */
export function parseSpan(text: string): KSpan | null {
  const inner = /^(?:timespan|time)\((.*)\)$/i.exec(text.trim())?.[1] ?? text.trim();
  if (inner === 'null') return null;
  const unit = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(inner);
  if (unit?.[1] !== undefined && unit[2] !== undefined) {
    const factor = SPAN_UNITS.find(([re]) => re.test((unit[2] ?? '').toLowerCase()))?.[1];
    if (factor !== undefined) return new KSpan(Number(unit[1]) * factor);
  }
  const clock = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(inner);
  if (clock !== null) {
    const [, neg, d = '0', h = '0', m = '0', s = '0', f = '0'] = clock;
    const ms =
      Number(d) * 86_400_000 +
      Number(h) * 3_600_000 +
      Number(m) * 60_000 +
      Number(s) * 1000 +
      Number(`0.${f}`) * 1000;
    return new KSpan(neg === undefined ? ms : -ms);
  }
  if (/^-?\d+(?:\.\d+)?$/.test(inner)) return new KSpan(Number(inner) * 86_400_000);
  throw new KqlError('Runtime', `timespan literal: expected e.g. 5m or 00:05:00, got ${text}`);
}

/** Reads a datetime literal or string (UTC unless it says otherwise); null when invalid. */
export function parseDate(text: string): KDate | null {
  const inner = (/^(?:datetime|date)\((.*)\)$/i.exec(text.trim())?.[1] ?? text).trim();
  if (inner === 'null' || inner === '') return null;
  const iso =
    /[zZ]|[+-]\d{2}:?\d{2}$/.test(inner) || !/\d{2}:\d{2}/.test(inner) ? inner : `${inner}Z`;
  const withZ = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso;
  const ms = Date.parse(withZ.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new KDate(ms);
}

/** Unquotes a string literal (`"a"`, `'b'`, `@"c:\\x"`, `h"secret"`). */
export function parseString(text: string): string {
  let t = text.trim();
  if (/^[hH]/.test(t)) t = t.slice(1);
  const verbatim = t.startsWith('@');
  if (verbatim) t = t.slice(1);
  const q = t[0];
  const body = t.slice(1, -1);
  if (verbatim) return q === undefined ? body : body.split(q + q).join(q);
  return body.replace(
    /\\(.)/g,
    (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0' })[c] ?? c,
  );
}

/** The value of a literal token of the given kind. */
export function literalValue(kind: string, text: string): Value {
  switch (kind) {
    case 'StringLiteralToken':
      return parseString(text);
    case 'LongLiteralToken':
    case 'IntLiteralToken':
    case 'RealLiteralToken':
    case 'DecimalLiteralToken': {
      const inner = /^\w+\((.*)\)$/.exec(text)?.[1] ?? text;
      if (inner === 'null') return null;
      const n = Number(inner.replace(/^0x/i, '0x'));
      return Number.isNaN(n) ? null : n;
    }
    case 'BooleanLiteralToken':
      return /true/i.test(text) ? true : /false/i.test(text) ? false : null;
    case 'DateTimeLiteralToken':
      return parseDate(text);
    case 'TimespanLiteralToken':
      return parseSpan(text);
    case 'NullLiteralToken':
      return null;
    case 'GuidLiteralToken':
      return /^guid\((.*)\)$/i.exec(text)?.[1] ?? text;
    default:
      throw new KqlError('Unsupported', `The sandbox does not evaluate ${kind} literals.`);
  }
}
