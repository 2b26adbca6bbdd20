import type { OrchestrationContext, Task } from 'durable-functions';

import type { FlushMarker } from '../../domain/release/index.js';
import { callActivity } from './callActivity.js';

/** True for the payload of a self-raised flush event. */
export function isFlush(payload: unknown): boolean {
  return (payload as Partial<FlushMarker> | null)?.flush === true;
}

/** Fresh waits by event name, or a real event a stale wait had already taken. */
export type OpenedWaits =
  { kind: 'waits'; waits: Map<string, Task> } | { kind: 'early'; name: string; payload: unknown };

/**
 * The orchestrators' one way to wait for external events across many races without losing one
 * (lint allows `waitForExternalEvent` nowhere else).
 *
 * A wait that loses a race stays pending, and the two sides then disagree about where the
 * next event of its name goes: the JS SDK hands it to the newest wait it tracks (and tracks a
 * wait again each time it is yielded); the durable extension hands it to its oldest pending
 * waiter, the stale one. The extension schedules what the orchestration does next only once
 * the race it awaits completes on its side. A race against a timer still does: the
 * orchestration sees the event (SDK side) and cancels the timer, and a cancelled timer
 * completes the race. A race against a child orchestration or an activity has nothing to
 * cancel and sleeps until the child ends (tests/integration/devhost/conformance.test.ts shows
 * both). Every wait that lost is therefore kept here, and used in one of two ways:
 *
 * - {@link wait} and {@link take}, for races against a timer that is cancelled when an event
 *   wins (monitor ticks, pause guards, canary samples, hook callbacks): every race gets a fresh
 *   wait, yielded once; `take` returns the events that reached any kept wait, in arrival order.
 * - {@link open} and {@link settle}, for a race against a child (a release's cancel while a
 *   stage runs): before a name is waited on again, each stale wait of that name is cleared.
 *   One that already holds an event returns it as `early`; otherwise the `flushEvent`
 *   activity raises a marker to this instance and the stale wait is awaited alone, so the
 *   fresh wait is the extension's oldest. The release's approval wait uses this way too: its
 *   histories hold these flushes and must replay.
 *
 * Waits produce no durable actions; only the flush does (an activity call), so an
 * orchestration keeps to one of the two ways for its whole history.
 */
export class EventWaits {
  /** Waits that lost a race or were handed out by {@link wait}, by name, oldest first. */
  private readonly kept = new Map<string, Task[]>();

  constructor(private readonly context: OrchestrationContext) {}

  /** A fresh wait for `name` to race once; it is kept until {@link take} finds it complete. */
  wait(name: string): Task {
    const wait = this.context.df.waitForExternalEvent(name);
    this.keep(name, wait);
    return wait;
  }

  /**
   * The payloads that reached kept waits of `name` since the last call, each returned once, in
   * arrival order (the SDK gives each event to the newest pending wait, so newer waits hold
   * earlier events). Flush markers are dropped.
   */
  take(name: string): unknown[] {
    const waits = this.kept.get(name) ?? [];
    const arrived = waits.filter((wait) => wait.isCompleted);
    if (arrived.length === 0) return [];
    this.kept.set(
      name,
      waits.filter((wait) => !wait.isCompleted),
    );
    return arrived
      .reverse()
      .map((wait) => wait.result)
      .filter((payload) => !isFlush(payload));
  }

  /** Clears the stale waits of `names`, then opens one fresh wait per name (not kept yet). */
  *open(names: readonly string[]): Generator<Task, OpenedWaits, unknown> {
    for (const name of names) {
      const early = yield* this.clear(name);
      if (early !== undefined) return { kind: 'early', name, payload: early };
    }
    const waits = new Map<string, Task>();
    for (const name of names) waits.set(name, this.context.df.waitForExternalEvent(name));
    return { kind: 'waits', waits };
  }

  /** After a race of {@link open}'s waits: the winner's event is the caller's; the rest are kept. */
  settle(waits: Map<string, Task>, winner: unknown): void {
    for (const [name, wait] of waits) if (wait !== winner) this.keep(name, wait);
  }

  private keep(name: string, wait: Task): void {
    this.kept.set(name, [...(this.kept.get(name) ?? []), wait]);
  }

  /** Clears the kept waits of `name`, oldest first; returns a real event one of them held. */
  private *clear(name: string): Generator<Task, unknown, unknown> {
    const waits = this.kept.get(name) ?? [];
    for (const [index, stale] of waits.entries()) {
      this.kept.set(name, waits.slice(index + 1));
      const payload = stale.isCompleted ? stale.result : yield* this.flush(name, stale);
      if (payload !== undefined && !isFlush(payload)) return payload;
    }
    return undefined;
  }

  /** Raises a flush marker to this instance and awaits `stale` alone until an event reaches it. */
  private *flush(name: string, stale: Task): Generator<Task, unknown, unknown> {
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
    return yield stale;
  }
}
