import type { OrchestrationContext, Task } from 'durable-functions';

import type { FlushMarker } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';

/** True for the payload of a self-raised flush event. */
export function isFlush(payload: unknown): boolean {
  return (payload as Partial<FlushMarker> | null)?.flush === true;
}

/** Fresh waits by event name, or a real event a stale waiter had already taken. */
export type OpenedWaits =
  { kind: 'waits'; waits: Map<string, Task> } | { kind: 'early'; name: string; payload: unknown };

/**
 * External-event waits that never leave a stale waiter behind. The durable extension hands
 * an event to the oldest pending waiter of its name (the JS SDK to the newest), so a wait
 * that lost a race would swallow the next event of that name and stall the orchestration.
 * Before waiting on a name again, its stale waiter is cleared: an event that already reached
 * it is returned as `early`; otherwise `flushEvent` raises a marker to this instance and the
 * stale wait is awaited alone (no new waiter is created for it).
 */
export class EventWaits {
  private readonly stale = new Map<string, Task>();

  constructor(private readonly context: OrchestrationContext) {}

  /** Clears stale waiters of `names`, then opens one fresh wait per name. */
  *open(names: readonly string[]): Generator<Task, OpenedWaits, unknown> {
    for (const name of names) {
      const early = yield* this.flush(name);
      if (early !== undefined) return { kind: 'early', name, payload: early };
    }
    const waits = new Map<string, Task>();
    for (const name of names) waits.set(name, this.context.df.waitForExternalEvent(name));
    return { kind: 'waits', waits };
  }

  /** After a race: the winning wait is used up; the others are stale now. */
  settle(waits: Map<string, Task>, winner: unknown): void {
    for (const [name, task] of waits) {
      if (task === winner) this.stale.delete(name);
      else this.stale.set(name, task);
    }
  }

  private *flush(name: string): Generator<Task, unknown, unknown> {
    const stale = this.stale.get(name);
    if (stale === undefined) return undefined;
    this.stale.delete(name);
    if (stale.isCompleted) return isFlush(stale.result) ? undefined : stale.result;
    try {
      yield* callActivity(this.context, 'flushEvent', {
        instanceId: this.context.df.instanceId,
        eventName: name,
      });
    } catch {
      // Could not raise the marker: go on without it (the next race on this name may stall
      // until its timer, as it would without this class) rather than fail the release.
      return undefined;
    }
    const payload: unknown = yield stale;
    return isFlush(payload) ? undefined : payload;
  }
}
