import { KqlError } from './KqlError.js';
import { toNumber, toText, type Value } from './values.js';

/** Evaluates one aggregate argument for a row of the group. */
export type ArgFn = (row: number) => Value;

/** An aggregate over `n` rows of a group, its arguments compiled as {@link ArgFn}s. */
export type AggregateFn = (n: number, args: ArgFn[]) => Value;

function numbers(n: number, f: ArgFn | undefined, pred?: ArgFn): number[] {
  const out: number[] = [];
  if (f === undefined) return out;
  for (let i = 0; i < n; i++) {
    if (pred !== undefined && pred(i) !== true) continue;
    const v = toNumber(f(i));
    if (v !== null) out.push(v);
  }
  return out;
}

function total(n: number, f: ArgFn | undefined, pred?: ArgFn): number {
  let sum = 0;
  if (f === undefined) return sum;
  for (let i = 0; i < n; i++) {
    if (pred !== undefined && pred(i) !== true) continue;
    const v = f(i);
    const x = typeof v === 'number' ? v : toNumber(v);
    if (x !== null) sum += x;
  }
  return sum;
}

/** Nearest-rank percentile `p` (0..100) of `values` weighted by `weights` (all 1 when absent). */
export function nearestRank(values: number[], p: number, weights?: number[]): number | null {
  if (values.length === 0) return null;
  const target = Math.min(Math.max(p, 0), 100) / 100;
  if (weights === undefined || weights.every((w) => w === 1)) {
    const sorted = Float64Array.from(values).sort();
    const rank = Math.max(1, Math.ceil(target * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1] ?? null;
  }
  const idx = Uint32Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  for (const i of idx) {
    acc += weights[i] ?? 1;
    if (acc >= target * total && acc > 0) return values[i] ?? null;
  }
  return values[idx[idx.length - 1] ?? 0] ?? null;
}

function pct(args: ArgFn[]): number {
  const p = toNumber(args[args.length - 1]?.(0) ?? null);
  if (p === null)
    throw new KqlError('Runtime', 'percentile: expected a constant percentage, got none');
  return p;
}

/** The aggregates the sandbox evaluates, by lower-case name. */
export const AGGREGATES: Record<string, AggregateFn> = {
  count: (n) => n,
  countif: (n, [pred]) => {
    let c = 0;
    for (let i = 0; i < n; i++) if (pred?.(i) === true) c++;
    return c;
  },
  sum: (n, [f]) => total(n, f),
  sumif: (n, [f, pred]) => total(n, f, pred),
  avg: (n, [f]) => {
    const v = numbers(n, f);
    return v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length;
  },
  avgif: (n, [f, pred]) => {
    const v = numbers(n, f, pred);
    return v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length;
  },
  min: (n, [f]) => extreme(n, f, -1),
  max: (n, [f]) => extreme(n, f, 1),
  percentile: (n, args) => nearestRank(numbers(n, args[0]), pct(args)),
  percentilew: (n, args) => {
    const values: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = toNumber(args[0]?.(i) ?? null);
      const w = toNumber(args[1]?.(i) ?? null);
      if (v !== null && w !== null && w > 0) {
        values.push(v);
        weights.push(w);
      }
    }
    return nearestRank(values, pct(args), weights);
  },
  dcount: (n, [f]) => {
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const v = f?.(i) ?? null;
      if (v !== null) seen.add(toText(v));
    }
    return seen.size;
  },
  take_any: (n, [f]) => (n === 0 ? null : (f?.(0) ?? null)),
  any: (n, [f]) => (n === 0 ? null : (f?.(0) ?? null)),
};

function extreme(n: number, f: ArgFn | undefined, sign: 1 | -1): Value {
  let best: Value = null;
  let bestKey = 0;
  for (let i = 0; i < n; i++) {
    const v = f?.(i) ?? null;
    if (v === null) continue;
    const key = toNumber(v);
    if (key === null) continue;
    if (best === null || (key - bestKey) * sign > 0) {
      best = v;
      bestKey = key;
    }
  }
  return best;
}

/** Whether `name` is an aggregate the sandbox knows. */
export function isAggregate(name: string): boolean {
  return Object.hasOwn(AGGREGATES, name.toLowerCase());
}
