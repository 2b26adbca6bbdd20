import { KqlError } from './KqlError.js';
import { parseDate, parseSpan } from './literals.js';
import { KDate, KSpan, toNumber, toText, type Value } from './values.js';

/** A scalar function over already evaluated arguments; `now` is the query's fixed "now". */
export type ScalarFn = (args: Value[], now: number) => Value;

function num(v: Value | undefined): number | null {
  return v === undefined ? null : toNumber(v);
}

function bin(v: Value | undefined, size: Value | undefined): Value {
  if (v === null || v === undefined || size === null || size === undefined) return null;
  if (v instanceof KDate) {
    const s = size instanceof KSpan ? size.ms : (toNumber(size) ?? 0) * 86_400_000;
    return s > 0 ? new KDate(Math.floor(v.ms / s) * s) : v;
  }
  if (v instanceof KSpan) {
    const s = size instanceof KSpan ? size.ms : 0;
    return s > 0 ? new KSpan(Math.floor(v.ms / s) * s) : v;
  }
  const n = toNumber(v);
  const s = toNumber(size);
  if (n === null || s === null || s <= 0) return null;
  return Math.floor(n / s) * s;
}

const urlCache = new Map<string, Value>();

function parseUrl(v: Value | undefined): Value {
  const text = toText(v ?? null);
  const cached = urlCache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseUrlUncached(text);
  if (urlCache.size > 10_000) urlCache.clear();
  urlCache.set(text, parsed);
  return parsed;
}

function parseUrlUncached(text: string): Value {
  try {
    const u = new URL(text);
    const query: Record<string, string> = {};
    u.searchParams.forEach((value, key) => (query[key] = value));
    return {
      Scheme: u.protocol.replace(/:$/, ''),
      Host: u.hostname,
      Port: u.port,
      Path: u.pathname,
      Username: u.username,
      Password: u.password,
      'Query Parameters': query,
      Fragment: u.hash.replace(/^#/, ''),
    };
  } catch {
    return {};
  }
}

function toInt(v: Value | undefined): Value {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
}

/** The scalar functions the sandbox evaluates, by lower-case name. */
export const SCALAR_FUNCTIONS: Record<string, ScalarFn> = {
  ago: ([span], now) => (span instanceof KSpan ? new KDate(now - span.ms) : null),
  now: ([offset], now) => new KDate(now + (offset instanceof KSpan ? offset.ms : 0)),
  datetime: ([v]) => (v instanceof KDate ? v : parseDate(toText(v ?? null))),
  todatetime: ([v]) => (v instanceof KDate ? v : parseDate(toText(v ?? null))),
  totimespan: ([v]) =>
    v instanceof KSpan ? v : v === null || v === undefined ? null : parseSpan(toText(v)),
  bin: ([v, s]) => bin(v, s),
  floor: ([v, s]) =>
    s === undefined ? (num(v) === null ? null : Math.floor(num(v) ?? 0)) : bin(v, s),
  round: ([v, digits]) => {
    const n = num(v);
    if (n === null) return null;
    const f = 10 ** (num(digits) ?? 0);
    return Math.round(n * f) / f;
  },
  abs: ([v]) => (num(v) === null ? null : Math.abs(num(v) ?? 0)),
  tostring: ([v]) => toText(v ?? null),
  toint: ([v]) => toInt(v),
  tolong: ([v]) => toInt(v),
  todouble: ([v]) => num(v),
  toreal: ([v]) => num(v),
  tobool: ([v]) =>
    v === true || v === false
      ? v
      : /^(true|1)$/i.test(toText(v ?? null))
        ? true
        : /^(false|0)$/i.test(toText(v ?? null))
          ? false
          : null,
  toboolean: ([v]) => (v === true || v === false ? v : null),
  tolower: ([v]) => toText(v ?? null).toLowerCase(),
  toupper: ([v]) => toText(v ?? null).toUpperCase(),
  strlen: ([v]) => toText(v ?? null).length,
  strcat: (args) => args.map((a) => toText(a)).join(''),
  substring: ([v, start, len]) => {
    const s = toText(v ?? null);
    const from = num(start) ?? 0;
    return len === undefined ? s.slice(from) : s.slice(from, from + (num(len) ?? 0));
  },
  iff: ([c, a, b]) => (c === true ? (a ?? null) : (b ?? null)),
  iif: ([c, a, b]) => (c === true ? (a ?? null) : (b ?? null)),
  isnull: ([v]) => v === null || v === undefined,
  isnotnull: ([v]) => v !== null && v !== undefined,
  isempty: ([v]) => v === null || v === undefined || v === '',
  isnotempty: ([v]) => !(v === null || v === undefined || v === ''),
  not: ([v]) => (v === null || v === undefined ? null : v !== true),
  parse_url: ([v]) => parseUrl(v),
  coalesce: (args) => args.find((a) => a !== null && a !== '') ?? null,
  max_of: (args) =>
    args.reduce<Value>(
      (m, a) => (m === null || (num(a) ?? -Infinity) > (num(m) ?? -Infinity) ? a : m),
      null,
    ),
  min_of: (args) =>
    args.reduce<Value>(
      (m, a) => (m === null || (num(a) ?? Infinity) < (num(m) ?? Infinity) ? a : m),
      null,
    ),
  real: ([v]) => num(v),
  startofday: ([v]) =>
    v instanceof KDate ? new KDate(Math.floor(v.ms / 86_400_000) * 86_400_000) : null,
};

/** A scalar function by name, or the sandbox's "unsupported" error. */
export function scalarFunction(name: string): ScalarFn {
  const fn = SCALAR_FUNCTIONS[name.toLowerCase()];
  if (fn === undefined) {
    throw new KqlError('Unsupported', `The sandbox does not evaluate the function '${name}()'.`);
  }
  return fn;
}
