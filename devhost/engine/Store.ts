import Database from 'better-sqlite3';

import type { RuntimeStatus } from '../types.js';
import type { HistoryEvent } from './history.js';

/** One instance row: the current execution's state. JSON fields hold JSON text or null. */
export interface InstanceRow {
  id: string;
  name: string;
  version: string;
  execution_id: string;
  status: RuntimeStatus;
  input: string | null;
  output: string | null;
  custom_status: string | null;
  created_ms: number;
  updated_ms: number;
  parent_id: string | null;
  parent_execution_id: string | null;
  parent_task_id: number | null;
}

/** A queued message for an instance: a history event delivered when `visible_ms` is due. */
export interface MessageRow {
  id: number;
  instance_id: string;
  execution_id: string | null;
  visible_ms: number;
  event: string;
}

/** A queued activity invocation. */
export interface WorkItemRow {
  id: number;
  instance_id: string;
  execution_id: string;
  task_id: number;
  name: string;
  input: string;
}

/** A durable entity: whether it exists and its state (JSON text). */
export interface EntityRow {
  /** The scheduler id, `@<lower-case name>@<key>`. */
  id: string;
  present: 0 | 1;
  state: string | null;
  updated_ms: number;
}

const schema = `
CREATE TABLE IF NOT EXISTS instances(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, version TEXT NOT NULL, execution_id TEXT NOT NULL,
  status TEXT NOT NULL, input TEXT, output TEXT, custom_status TEXT,
  created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
  parent_id TEXT, parent_execution_id TEXT, parent_task_id INTEGER);
CREATE INDEX IF NOT EXISTS instances_created ON instances(created_ms);
CREATE TABLE IF NOT EXISTS history(
  instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
  PRIMARY KEY(instance_id, seq));
CREATE TABLE IF NOT EXISTS messages(
  id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT,
  visible_ms INTEGER NOT NULL, event TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_instance ON messages(instance_id, visible_ms);
CREATE INDEX IF NOT EXISTS messages_visible ON messages(visible_ms);
CREATE TABLE IF NOT EXISTS entities(
  id TEXT PRIMARY KEY, present INTEGER NOT NULL, state TEXT, updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS work_items(
  id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL,
  task_id INTEGER NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL);
`;

/**
 * The durable engine's state in SQLite (WAL): instances, per-execution history, the message
 * queue (timers are messages that become visible at their fire time) and activity work items.
 * Every method is synchronous and short; callers group writes with `transaction`.
 */
export class Store {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(schema);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, cached by its SQL text (preparing is the expensive part). */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs `fn` in one SQLite transaction; a failure also drops the history cache. */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (err) {
      this.historyCache.clear();
      throw err;
    }
  }

  close(): void {
    this.db.close();
  }

  getInstance(id: string): InstanceRow | undefined {
    return this.stmt('SELECT * FROM instances WHERE id = ?').get(id) as InstanceRow | undefined;
  }

  upsertInstance(row: InstanceRow): void {
    this.stmt(
      `INSERT OR REPLACE INTO instances VALUES (@id, @name, @version, @execution_id, @status, @input, @output,
         @custom_status, @created_ms, @updated_ms, @parent_id, @parent_execution_id, @parent_task_id)`,
    ).run(row);
  }

  updateInstance(id: string, fields: Partial<Omit<InstanceRow, 'id'>>): void {
    const keys = Object.keys(fields);
    if (keys.length === 0) return;
    this.stmt(
      `UPDATE instances SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`,
    ).run({ ...fields, id });
  }

  /** Deletes the instance with its history, messages and work items; returns 1 or 0. */
  deleteInstance(id: string): number {
    this.historyCache.delete(id);
    this.stmt('DELETE FROM history WHERE instance_id = ?').run(id);
    this.stmt('DELETE FROM messages WHERE instance_id = ?').run(id);
    this.stmt('DELETE FROM work_items WHERE instance_id = ?').run(id);
    return this.stmt('DELETE FROM instances WHERE id = ?').run(id).changes;
  }

  listInstances(filter: {
    createdFrom?: number;
    createdTo?: number;
    statuses?: string[];
    prefix?: string;
    /** Only rows after this one in (created_ms, id) order: where the previous page ended. */
    after?: { createdMs: number; id: string };
    limit?: number;
  }): InstanceRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.createdFrom !== undefined) {
      where.push('created_ms >= ?');
      args.push(filter.createdFrom);
    }
    if (filter.createdTo !== undefined) {
      where.push('created_ms <= ?');
      args.push(filter.createdTo);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(',')})`);
      args.push(...filter.statuses);
    }
    if (filter.prefix !== undefined && filter.prefix !== '') {
      where.push('substr(id, 1, ?) = ?');
      args.push(filter.prefix.length, filter.prefix);
    }
    if (filter.after !== undefined) {
      where.push('(created_ms > ? OR (created_ms = ? AND id > ?))');
      args.push(filter.after.createdMs, filter.after.createdMs, filter.after.id);
    }
    const limit = filter.limit === undefined ? '' : ` LIMIT ${Math.floor(filter.limit)}`;
    const sql = `SELECT * FROM instances ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_ms, id${limit}`;
    return this.db.prepare(sql).all(...args) as InstanceRow[];
  }

  /** Recently used histories (one writer per database, so the cache stays exact). */
  private readonly historyCache = new Map<
    string,
    { executionId: string; nextSeq: number; events: HistoryEvent[] }
  >();

  private cached(instanceId: string): {
    executionId: string;
    nextSeq: number;
    events: HistoryEvent[];
  } {
    const hit = this.historyCache.get(instanceId);
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
    if (this.historyCache.size >= 2000) {
      const oldest = this.historyCache.keys().next().value;
      if (oldest !== undefined) this.historyCache.delete(oldest);
    }
    this.historyCache.set(instanceId, entry);
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
    this.historyCache.delete(instanceId);
  }

  deleteHistory(instanceId: string): void {
    this.historyCache.delete(instanceId);
    this.stmt('DELETE FROM history WHERE instance_id = ?').run(instanceId);
  }

  enqueue(
    instanceId: string,
    executionId: string | null,
    visibleMs: number,
    event: HistoryEvent,
  ): void {
    this.stmt(
      'INSERT INTO messages (instance_id, execution_id, visible_ms, event) VALUES (?, ?, ?, ?)',
    ).run(instanceId, executionId, visibleMs, JSON.stringify(event));
  }

  /** The instance's due messages in delivery order: by visible time (a timer by its fire time), then arrival. */
  dueMessages(instanceId: string, nowMs: number): MessageRow[] {
    return this.stmt(
      'SELECT * FROM messages WHERE instance_id = ? AND visible_ms <= ? ORDER BY visible_ms, id',
    ).all(instanceId, nowMs) as MessageRow[];
  }

  deleteMessages(ids: number[]): void {
    const del = this.stmt('DELETE FROM messages WHERE id = ?');
    for (const id of ids) del.run(id);
  }

  /** Instance ids with at least one due message. */
  instancesWithDueMessages(nowMs: number): string[] {
    return (
      this.stmt('SELECT DISTINCT instance_id FROM messages WHERE visible_ms <= ?').all(nowMs) as {
        instance_id: string;
      }[]
    ).map((r) => r.instance_id);
  }

  /** The earliest visible time of a message not yet due, or undefined. */
  nextDueAfter(nowMs: number): number | undefined {
    const row = this.stmt('SELECT MIN(visible_ms) AS m FROM messages WHERE visible_ms > ?').get(
      nowMs,
    ) as {
      m: number | null;
    };
    return row.m ?? undefined;
  }

  /** A durable entity's stored state by scheduler id (`@name@key`), or undefined. */
  getEntity(id: string): EntityRow | undefined {
    return this.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  }

  putEntity(row: EntityRow): void {
    this.stmt('INSERT OR REPLACE INTO entities VALUES (@id, @present, @state, @updated_ms)').run(
      row,
    );
  }

  addWorkItem(item: Omit<WorkItemRow, 'id'>): void {
    this.stmt(
      'INSERT INTO work_items (instance_id, execution_id, task_id, name, input) VALUES (?, ?, ?, ?, ?)',
    ).run(item.instance_id, item.execution_id, item.task_id, item.name, item.input);
  }

  workItems(excludeIds: ReadonlySet<number>, limit: number): WorkItemRow[] {
    const rows = this.stmt('SELECT * FROM work_items ORDER BY id LIMIT ?').all(
      limit + excludeIds.size,
    ) as WorkItemRow[];
    return rows.filter((r) => !excludeIds.has(r.id)).slice(0, limit);
  }

  deleteWorkItem(id: number): number {
    return this.stmt('DELETE FROM work_items WHERE id = ?').run(id).changes;
  }
}
