import { unsupported } from './nodes.js';
import {
  compareValues,
  KDate,
  KSpan,
  toNumber,
  toText,
  type Value,
  valuesEqual,
} from './values.js';

/** Three-valued `and`: false wins, then null. */
export function and(a: Value, b: Value): Value {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

/** Three-valued `or`: true wins, then null. */
export function or(a: Value, b: Value): Value {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : null;
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
}

/** The function for a binary operator token (`==`, `=~`, `has`, `+`, …); `resultType` decides integer division. */
export function binaryOp(
  op: string,
  resultType: string | undefined,
): (a: Value, b: Value) => Value {
  const str = (f: (a: string, b: string) => boolean) => (a: Value, b: Value) =>
    f(toText(a), toText(b));
  switch (op) {
    case '==':
      return (a, b) => (a === null || b === null ? null : valuesEqual(a, b));
    case '!=':
    case '<>':
      return (a, b) => (a === null || b === null ? null : !valuesEqual(a, b));
    case '<':
      return (a, b) => (a === null || b === null ? null : compareValues(a, b) < 0);
    case '<=':
      return (a, b) => (a === null || b === null ? null : compareValues(a, b) <= 0);
    case '>':
      return (a, b) => (a === null || b === null ? null : compareValues(a, b) > 0);
    case '>=':
      return (a, b) => (a === null || b === null ? null : compareValues(a, b) >= 0);
    case '=~':
      return str((a, b) => a.toLowerCase() === b.toLowerCase());
    case '!~':
      return str((a, b) => a.toLowerCase() !== b.toLowerCase());
    case 'contains':
      return str((a, b) => a.toLowerCase().includes(b.toLowerCase()));
    case '!contains':
      return str((a, b) => !a.toLowerCase().includes(b.toLowerCase()));
    case 'contains_cs':
      return str((a, b) => a.includes(b));
    case '!contains_cs':
      return str((a, b) => !a.includes(b));
    case 'has':
      return str(
        (a, b) =>
          words(a).includes(b.toLowerCase()) ||
          (/\W/.test(b) && a.toLowerCase().includes(b.toLowerCase())),
      );
    case '!has':
      return str((a, b) => !words(a).includes(b.toLowerCase()));
    case 'startswith':
      return str((a, b) => a.toLowerCase().startsWith(b.toLowerCase()));
    case '!startswith':
      return str((a, b) => !a.toLowerCase().startsWith(b.toLowerCase()));
    case 'endswith':
      return str((a, b) => a.toLowerCase().endsWith(b.toLowerCase()));
    case '!endswith':
      return str((a, b) => !a.toLowerCase().endsWith(b.toLowerCase()));
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return (a, b) => arithmetic(op, a, b, resultType);
    default:
      return unsupported(`the operator '${op}'`);
  }
}

function arithmetic(op: string, a: Value, b: Value, resultType: string | undefined): Value {
  if (a === null || b === null) return null;
  if (a instanceof KDate || a instanceof KSpan || b instanceof KDate || b instanceof KSpan)
    return timeArithmetic(op, a, b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  const integral = resultType === 'long' || resultType === 'int';
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) return integral ? null : x === 0 ? Number.NaN : x > 0 ? Infinity : -Infinity;
      return integral ? Math.trunc(x / y) : x / y;
    default:
      return y === 0 ? null : x % y;
  }
}

function timeArithmetic(op: string, a: Value, b: Value): Value {
  const ms = (v: Value): number =>
    v instanceof KDate || v instanceof KSpan ? v.ms : (toNumber(v) ?? 0);
  if (a instanceof KDate && b instanceof KDate && op === '-') return new KSpan(a.ms - b.ms);
  if (a instanceof KDate && b instanceof KSpan)
    return new KDate(op === '-' ? a.ms - b.ms : a.ms + b.ms);
  if (a instanceof KSpan && b instanceof KDate && op === '+') return new KDate(a.ms + b.ms);
  if (a instanceof KSpan && b instanceof KSpan) {
    if (op === '/') return b.ms === 0 ? null : a.ms / b.ms;
    return new KSpan(op === '-' ? a.ms - b.ms : a.ms + b.ms);
  }
  if (a instanceof KSpan && (op === '*' || op === '/'))
    return new KSpan(op === '*' ? a.ms * ms(b) : a.ms / ms(b));
  return unsupported(`'${op}' between these types`);
}

/** Unary minus for numbers and timespans. */
export function negate(v: Value): Value {
  if (v instanceof KSpan) return new KSpan(-v.ms);
  const n = toNumber(v);
  return n === null ? null : -n;
}
