import { EventType, type HistoryEvent, makeEvent } from './history.js';
import type { TaskNode } from './TaskNode.js';

/** A scheduling decision of the replay, not yet matched against history. */
export interface PendingDecision {
  type: number;
  name: string;
  event: HistoryEvent;
}

/**
 * The mutable state of one replay (see replayActions): the next sequence id, the replay's
 * current time, decisions not yet found in history, open tasks by id and external-event
 * waiters. Action handlers schedule through {@link decide} and {@link scheduleTimer}.
 */
export class ReplayState {
  idCounter = 0;
  now = 0;
  readonly pending = new Map<number, PendingDecision>();
  /** Open tasks by sequence id: what to run when their completion event arrives. */
  readonly open = new Map<number, (ev: HistoryEvent) => void>();
  readonly waiters: { name: string; task: TaskNode }[] = [];
  /** Names of events raised before anyone waited for them. */
  readonly buffered: string[] = [];
  /** Set when a ContinueAsNew action was invoked: its input JSON text. */
  continueAsNewInput: string | undefined;

  constructor(
    readonly executionId: string,
    readonly instanceId: string,
  ) {}

  /** Records a scheduling decision at the next sequence id; returns that id. */
  decide(type: number, name: string, fields: Record<string, unknown>): number {
    const id = this.idCounter++;
    this.pending.set(id, { type, name, event: makeEvent(type, this.now, fields, id) });
    return id;
  }

  /** Schedules a durable timer; `onFired` runs when it fires (never when `canceled`). */
  scheduleTimer(fireAtMs: number, onFired: () => void, canceled = false): void {
    const id = this.decide(EventType.TimerCreated, '', {
      FireAt: new Date(fireAtMs).toISOString(),
    });
    if (!canceled) this.open.set(id, onFired);
  }
}
