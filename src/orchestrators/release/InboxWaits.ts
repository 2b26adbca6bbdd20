import type { OrchestrationContext, Task } from 'durable-functions';

import { EventInbox } from '../calls/EventInbox.js';
import type { OpenedWaits, ReleaseEventWaits } from './ReleaseEventWaits.js';

/**
 * Release event waits on the toolkit's {@link EventInbox}: one inbox per event name keeps
 * every wait until an event has reached it, so an event that lands on a wait that lost its
 * race is found at the next `open` (as `early`) instead of being lost. Waits are not durable
 * actions: nothing is added to the history.
 */
export class InboxWaits implements ReleaseEventWaits {
  private readonly inboxes = new Map<string, EventInbox>();
  private readonly arrived = new Map<string, unknown[]>();

  constructor(private readonly context: OrchestrationContext) {}

  // A generator without yields, to share `yield*` call sites with EventWaits.
  // eslint-disable-next-line require-yield
  *open(names: readonly string[]): Generator<Task, OpenedWaits, unknown> {
    for (const name of names) {
      const queue = this.queueOf(name);
      queue.push(...this.inboxOf(name).take());
      if (queue.length > 0) return { kind: 'early', name, payload: queue.shift() };
    }
    return { kind: 'waits', waits: new Map(names.map((n) => [n, this.inboxOf(n).next()])) };
  }

  /** The winner's payload is its caller's: its inbox forgets it; the losers stay open. */
  settle(waits: Map<string, Task>, winner: unknown): void {
    for (const [name, task] of waits) if (task === winner) this.inboxOf(name).forget(task);
  }

  private inboxOf(name: string): EventInbox {
    let inbox = this.inboxes.get(name);
    if (inbox === undefined) {
      inbox = new EventInbox(this.context, name);
      this.inboxes.set(name, inbox);
    }
    return inbox;
  }

  private queueOf(name: string): unknown[] {
    let queue = this.arrived.get(name);
    if (queue === undefined) {
      queue = [];
      this.arrived.set(name, queue);
    }
    return queue;
  }
}
