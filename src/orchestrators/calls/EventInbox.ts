import type { OrchestrationContext, Task } from 'durable-functions';

/**
 * Waits for one external event name across many races without losing an event.
 *
 * The JS SDK records a wait each time it is yielded and hands an arriving event to the most
 * recently recorded wait of its name. A single wait yielded in several races is therefore
 * recorded several times; once an event completes it, the spent copies stay behind, and an
 * event that arrives before the next wait is yielded completes a spent copy and is lost.
 * Here every race gets a fresh wait, yielded once, and every wait not yet seen complete is
 * kept: an event that reaches an older wait (one that lost its race) is still found by
 * {@link take}. Waits produce no durable actions, so this changes no history.
 *
 * Only for orchestrations that wake on a timer anyway (monitor ticks, canary samples): the
 * durable extension hands an event to its OLDEST pending waiter of that name, so an event
 * that lands on a wait which lost an earlier race does not wake the orchestration; it is
 * found at the next wake-up. An orchestration that may sleep for hours on one race (the
 * release: approvals, long gate hooks) uses `release/EventWaits` instead, which clears stale
 * waiters so the current race is always the oldest.
 */
export class EventInbox {
  private open: Task[] = [];

  constructor(
    private readonly context: OrchestrationContext,
    private readonly name: string,
  ) {}

  /** A fresh wait to race once; the inbox keeps it until an event has reached it. */
  next(): Task {
    const wait = this.context.df.waitForExternalEvent(this.name);
    this.open.push(wait);
    return wait;
  }

  /**
   * The payloads of waits that received an event since the last call, each returned once, in
   * arrival order (the SDK gives each event to the newest open wait, so newer waits hold the
   * earlier events).
   */
  take(): unknown[] {
    const arrived = this.open.filter((wait) => wait.isCompleted);
    if (arrived.length === 0) return [];
    this.open = this.open.filter((wait) => !wait.isCompleted);
    return arrived.reverse().map((wait) => wait.result);
  }
}
