import type { FaultSpec } from '../scenario/Scenario.js';
import { createRng, type Rng } from '../util/createRng.js';

/** An armed fault as `GET /admin/faults` lists it. */
export interface ArmedFault extends FaultSpec {
  /** Firings left (`null`: until cleared). */
  left: number | null;
  /** How often it fired so far. */
  fired: number;
}

/** One kind of fault on one operation, and how often it fired (since the sandbox started). */
export interface FaultCount {
  op: string;
  kind: FaultSpec['kind'];
  fired: number;
}

/**
 * Faults armed per operation name (`swap`, `getConfiguration`, `logsQuery`, … or `*` for any).
 * `take(op)` returns the first armed fault for the operation that fires on this call and
 * uses up one of its `times` (unlimited when absent). A fault with a `probability` fires on a
 * call with that probability, drawn from a seeded generator (the same seed and calls give the
 * same faults); one that does not fire lets the next armed fault have its turn.
 */
export class FaultInjector {
  private readonly armed: Array<FaultSpec & { left: number; fired: number }> = [];
  private readonly counts = new Map<string, FaultCount>();
  private readonly rng: Rng;

  constructor(seed = 1) {
    this.rng = createRng(seed);
  }

  /** Arms a fault; faults fire in the order they were armed. */
  add(fault: FaultSpec): void {
    this.armed.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY, fired: 0 });
  }

  /** Disarms every fault (the counts of what fired stay). */
  clear(): void {
    this.armed.length = 0;
  }

  /** The fault to apply to this call of `op`, if any (consumes one use). */
  take(op: string, kinds?: ReadonlyArray<FaultSpec['kind']>): FaultSpec | undefined {
    for (let i = 0; i < this.armed.length; i += 1) {
      const f = this.armed[i];
      if (f === undefined || f.left <= 0 || (f.op !== op && f.op !== '*')) continue;
      if (kinds !== undefined && !kinds.includes(f.kind)) continue;
      if (f.probability !== undefined && this.rng.next() >= f.probability) continue;
      f.left -= 1;
      f.fired += 1;
      if (f.left <= 0) this.armed.splice(i, 1);
      this.count(op, f.kind);
      const { left: _left, fired: _fired, ...fault } = f;
      return fault;
    }
    return undefined;
  }

  /** The faults still armed, with what is left of them and how often they fired. */
  list(): ArmedFault[] {
    return this.armed.map((f) => ({ ...f, left: Number.isFinite(f.left) ? f.left : null }));
  }

  /** Every fault that fired, per operation and kind, since the sandbox started. */
  fired(): FaultCount[] {
    return [...this.counts.values()].map((c) => ({ ...c }));
  }

  private count(op: string, kind: FaultSpec['kind']): void {
    const key = `${op} ${kind}`;
    const found = this.counts.get(key);
    if (found === undefined) this.counts.set(key, { op, kind, fired: 1 });
    else found.fired += 1;
  }
}
