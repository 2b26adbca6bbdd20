import type Database from 'better-sqlite3';

import type { HistoryEvent } from './history.js';

interface CachedHistory {
  executionId: string;
  nextSeq: number;
  events: HistoryEvent[];
}

/**
 * The `history` table of the Store: each instance's events of its current execution, in
 * order, with recently used histories cached (one writer per database, so the cache stays
 * exact).
 */
export class HistoryLog {
  private readonly cache = new Map<string, CachedHistory>();

  constructor(private readonly stmt: (sql: string) => Database.Statement) {}

  /** Drops every cached history (after a failed transaction). */
  forgetAll(): void {
    this.cache.clear();
  }

  /** Drops the cached history of `instanceId` (its rows were deleted or rewritten). */
  forget(instanceId: string): void {
    this.cache.delete(instanceId);
  }

  private cached(instanceId: string): CachedHistory {
    const hit = this.cache.get(instanceId);
    if (hit !== undefined) return hit;
    const rows = this.stmt(
      'SELECT execution_id, seq, event FROM history WHERE instance_id = ? ORDER BY seq',
    ).all(instanceId) as { execution_id: string; seq: number; event: string }[];
    const last = rows[rows.length - 1];
    const executionId = last?.execution_id ?? '';
    const entry = {
      executionId,
      nextSeq: (last?.seq ?? -1) + 1,
      events: rows
        .filter((r) => r.execution_id === executionId)
        .map((r) => JSON.parse(r.event) as HistoryEvent),
    };
    if (this.cache.size >= 2000) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(instanceId, entry);
    return entry;
  }

  /** The execution's history in order (a fresh array; the events must not be mutated). */
  history(instanceId: string, executionId: string): HistoryEvent[] {
    const c = this.cached(instanceId);
    return c.executionId === executionId ? [...c.events] : [];
  }

  appendHistory(instanceId: string, executionId: string, events: HistoryEvent[]): void {
    const c = this.cached(instanceId);
    if (c.executionId !== executionId) {
      c.executionId = executionId;
      c.events = [];
    }
    const ins = this.stmt('INSERT INTO history VALUES (?, ?, ?, ?)');
    for (const ev of events) {
      const played = { ...ev, IsPlayed: true };
      ins.run(instanceId, executionId, c.nextSeq++, JSON.stringify(played));
      c.events.push(played);
    }
  }

  /**
   * Rewrites the execution's history rows in place: `change` returns the replacement for an
   * event, or undefined to keep it. Used by rewind, which turns failures into GenericEvents.
   */
  rewriteHistory(
    instanceId: string,
    executionId: string,
    change: (ev: HistoryEvent) => HistoryEvent | undefined,
  ): void {
    const rows = this.stmt(
      'SELECT seq, event FROM history WHERE instance_id = ? AND execution_id = ? ORDER BY seq',
    ).all(instanceId, executionId) as { seq: number; event: string }[];
    const update = this.stmt('UPDATE history SET event = ? WHERE instance_id = ? AND seq = ?');
    for (const r of rows) {
      const next = change(JSON.parse(r.event) as HistoryEvent);
      if (next !== undefined) update.run(JSON.stringify(next), instanceId, r.seq);
    }
    this.cache.delete(instanceId);
  }

  deleteHistory(instanceId: string): void {
    this.cache.delete(instanceId);
    this.stmt('DELETE FROM history WHERE instance_id = ?').run(instanceId);
  }
}
