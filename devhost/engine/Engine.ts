import { randomUUID } from 'node:crypto';

import type { Clock } from '../clock/index.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import type { TypedData } from '../load/invokeFunction.js';
import { createInstance } from './createInstance.js';
import type { EngineDeps } from './EngineDeps.js';
import { operationEvent } from './entityMessages.js';
import { EventType, makeEvent } from './history.js';
import { rewindInstance } from './rewindInstance.js';
import { runActivity } from './runActivity.js';
import { runEntityBatch } from './runEntityBatch.js';
import { runEpisode } from './runEpisode.js';
import type { InstanceRow } from './Store.js';
import { Store } from './Store.js';

/** Engine settings from host.json (`extensions.durableTask`). */
export interface EngineOptions {
  db: string;
  clock: Clock;
  registry: FunctionRegistry;
  log: (line: string) => void;
  maxConcurrentActivities: number;
  maxConcurrentOrchestrations: number;
  /** Input binding data (durableClient) handed to activities and orchestrators that declare it. */
  inputsByType?: () => Record<string, TypedData>;
}

/**
 * The durable engine: a dispatcher over the SQLite store that runs episodes (one per instance
 * at a time) and activities (bounded), and wakes for timers on a real or scaled clock. On a
 * virtual clock it never moves time itself; `nextTimerAt` tells the host where to skip.
 */
export class Engine {
  readonly store: Store;
  private readonly deps: EngineDeps;
  private readonly locked = new Set<string>();
  private readonly blocked = new Set<string>();
  private readonly runningItems = new Set<number>();
  private runningActivities = 0;
  private busy = 0;
  private externalBusy = 0;
  private pumpQueued = false;
  private stopped = false;
  private timerAbort: AbortController | undefined;
  private armedAt: number | undefined;
  private idleWaiters: (() => void)[] = [];
  private changeWaiters: (() => void)[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: EngineOptions) {
    this.store = new Store(opts.db);
    this.deps = {
      store: this.store,
      registry: opts.registry,
      clock: opts.clock,
      log: opts.log,
      inputsByType: opts.inputsByType ?? (() => ({})),
      wake: (id) => {
        if (id !== undefined) this.blocked.delete(id);
        this.pump();
      },
      changed: () => this.notifyChange(),
    };
  }

  /** Counts an outside operation (an HTTP request) as in flight: time does not skip meanwhile. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.externalBusy++;
    try {
      return await work();
    } finally {
      this.externalBusy--;
      this.pump();
    }
  }

  /** Schedules a dispatch pass (coalesced). */
  pump(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      try {
        this.dispatch();
      } catch (err) {
        // A failing dispatch (e.g. the database went away) must not take the process down.
        this.opts.log(`engine dispatch failed: ${(err as Error).stack ?? String(err)}`);
      }
    });
  }

  private run(work: Promise<unknown>, done: () => void): void {
    this.busy++;
    const p = work
      .catch((err: unknown) =>
        this.opts.log(`engine error: ${(err as Error).stack ?? String(err)}`),
      )
      .finally(() => {
        this.busy--;
        done();
        this.inFlight.delete(p);
        this.pump();
      });
    this.inFlight.add(p);
  }

  private dispatch(): void {
    if (this.stopped) return;
    const now = this.opts.clock.now();
    for (const id of this.store.instancesWithDueMessages(now)) {
      if (this.locked.size >= this.opts.maxConcurrentOrchestrations) break;
      if (this.locked.has(id) || this.blocked.has(id)) continue;
      this.locked.add(id);
      this.run(
        (id.startsWith('@') ? runEntityBatch(this.deps, id) : runEpisode(this.deps, id)).then(
          (consumed) => {
            if (!consumed) this.blocked.add(id);
          },
          (err: unknown) => {
            // Park the instance until a new message arrives instead of retrying in a hot loop.
            this.blocked.add(id);
            throw err;
          },
        ),
        () => this.locked.delete(id),
      );
    }
    const free = this.opts.maxConcurrentActivities - this.runningActivities;
    if (free > 0) {
      for (const item of this.store.workItems(this.runningItems, free)) {
        this.runningItems.add(item.id);
        this.runningActivities++;
        // On failure the item stays listed in runningItems: parked until restart, not retried hot.
        this.run(
          runActivity(this.deps, item).then(() => this.runningItems.delete(item.id)),
          () => {
            this.runningActivities--;
          },
        );
      }
    }
    if (this.opts.clock.kind !== 'virtual') this.armTimer(now);
    if (this.busy === 0 && this.externalBusy === 0) {
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private armTimer(now: number): void {
    const next = this.store.nextDueAfter(now);
    if (next === this.armedAt) return;
    this.timerAbort?.abort();
    this.armedAt = next;
    if (next === undefined) return;
    const ac = new AbortController();
    this.timerAbort = ac;
    this.opts.clock.sleepUntil(next, ac.signal).then(
      () => {
        if (this.armedAt === next) this.armedAt = undefined;
        this.pump();
      },
      () => undefined,
    );
  }

  private notifyChange(): void {
    for (const w of this.changeWaiters.splice(0)) w();
  }

  /** Resolves once nothing runs and nothing runnable is queued (virtual time does not move). */
  settle(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.pump();
    });
  }

  /** Resolves at the next status change or engine wake-up. */
  nextChange(): Promise<void> {
    return new Promise((resolve) => this.changeWaiters.push(resolve));
  }

  /** The engine clock's current time (epoch ms). */
  clockNow(): number {
    return this.opts.clock.now();
  }

  /** The earliest queued timer (or delayed message) after `now`, if any. */
  nextTimerAt(): number | undefined {
    return this.store.nextDueAfter(this.opts.clock.now());
  }

  /** Starts an orchestration; throws InstanceConflictError for a bad or running id. */
  start(name: string, instanceId: string, input: string | null, version?: string): void {
    const now = this.opts.clock.now();
    this.store.transaction(() =>
      createInstance(this.store, {
        instanceId,
        name,
        input,
        nowMs: now,
        ...(version === undefined ? {} : { version }),
      }),
    );
    this.blocked.delete(instanceId);
    this.notifyChange();
    this.pump();
  }

  getInstance(id: string): InstanceRow | undefined {
    return this.store.getInstance(id);
  }

  /** Queues a control or event message for the instance's current execution (events are not fenced). */
  send(instanceId: string, type: number, fields: Record<string, unknown>): void {
    const now = this.opts.clock.now();
    this.store.enqueue(instanceId, null, now, makeEvent(type, now, fields));
    this.blocked.delete(instanceId);
    this.pump();
  }

  raiseEvent(instanceId: string, name: string, input: string | null): void {
    this.send(instanceId, EventType.EventRaised, { Name: name, Input: input });
  }

  /**
   * Rewinds a Failed instance (reference: the Azure Storage provider's rewind): failures in
   * its history and its failed sub-orchestrations' histories are cleared, and the deepest
   * failed instances get a GenericEvent carrying `reason`, so they replay and retry.
   */
  rewind(instanceId: string, reason: string): void {
    const now = this.opts.clock.now();
    const leaves = this.store.transaction(() => {
      const found = rewindInstance(this.store, instanceId, now);
      for (const id of found)
        this.store.enqueue(id, null, now, makeEvent(EventType.GenericEvent, now, { Data: reason }));
      return found;
    });
    for (const id of leaves) this.blocked.delete(id);
    this.notifyChange();
    this.pump();
  }

  /** Queues a signal (`op` with JSON `input`) for the entity with this scheduler id. */
  signalEntity(entityId: string, op: string, input: string | null): void {
    const now = this.opts.clock.now();
    this.store.enqueue(
      entityId,
      null,
      now,
      operationEvent(now, { id: randomUUID(), op, signal: true, input }),
    );
    this.blocked.delete(entityId);
    this.pump();
  }

  /** Deletes a terminal instance's state; returns how many instances were deleted. */
  purge(instanceId: string): number {
    const n = this.store.transaction(() => this.store.deleteInstance(instanceId));
    this.notifyChange();
    return n;
  }

  /** Stops dispatching and waits for in-flight episodes and activities, then closes the store. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timerAbort?.abort();
    await Promise.allSettled([...this.inFlight]);
    for (const w of this.idleWaiters.splice(0)) w();
    this.notifyChange();
    this.store.close();
  }
}
