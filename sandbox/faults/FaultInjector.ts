import type { FaultSpec } from '../scenario/Scenario.js';

/**
 * Faults armed per operation name (`swap`, `getConfiguration`, `logsQuery`, … or `*` for any).
 * `take(op)` returns the first armed fault for the operation and uses up one of its `times`
 * (unlimited when `times` is absent).
 */
export class FaultInjector {
  private readonly armed: Array<FaultSpec & { left: number }> = [];

  /** Arms a fault; faults fire in the order they were armed. */
  add(fault: FaultSpec): void {
    this.armed.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed.length = 0;
  }

  /** The fault to apply to this call of `op`, if any (consumes one use). */
  take(op: string, kinds?: ReadonlyArray<FaultSpec['kind']>): FaultSpec | undefined {
    const i = this.armed.findIndex(
      (f) =>
        f.left > 0 &&
        (f.op === op || f.op === '*') &&
        (kinds === undefined || kinds.includes(f.kind)),
    );
    const found = this.armed[i];
    if (found === undefined) return undefined;
    found.left -= 1;
    if (found.left <= 0) this.armed.splice(i, 1);
    const { left: _left, ...fault } = found;
    return fault;
  }

  /** The faults still armed. */
  list(): FaultSpec[] {
    return this.armed.map(({ left: _left, ...f }) => f);
  }
}
