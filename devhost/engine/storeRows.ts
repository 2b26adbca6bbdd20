import type { RuntimeStatus } from '../types.js';

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

/** The tables of the dev host's SQLite file (created when missing). */
export const storeSchema = `
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
