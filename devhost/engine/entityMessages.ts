import { createHash } from 'node:crypto';

import { EventType, type HistoryEvent, makeEvent } from './history.js';

/**
 * One operation request to a durable entity, as the extension's RequestMessage carries it in
 * the `op` event sent to the entity's scheduler instance. `input` is JSON text.
 */
export interface EntityRequest {
  id: string;
  op: string;
  signal: boolean;
  input: string | null;
  /** The calling orchestration and its execution (calls only; signals expect no answer). */
  parent?: string;
  parentExecution?: string;
}

/** The entity's scheduler instance id: `@<lower-case name>@<key>` (EntityId.GetSchedulerIdFromEntityId). */
export function schedulerId(name: string, key: string): string {
  return `@${name.toLowerCase()}@${key}`;
}

/** The name and key of a scheduler id, or undefined when it is not one. */
export function parseSchedulerId(id: string): { name: string; key: string } | undefined {
  const at = id.indexOf('@', 1);
  if (!id.startsWith('@') || at < 0) return undefined;
  return { name: id.slice(1, at), key: id.slice(at + 1) };
}

/** A request id that replay reproduces: a GUID-shaped hash of the execution and sequence id. */
export function requestId(executionId: string, sequenceId: number): string {
  const h = createHash('sha1').update(`${executionId}:${sequenceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The message an entity receives for a request: EventRaised named `op` (DTFx's entity message). */
export function operationEvent(nowMs: number, request: EntityRequest): HistoryEvent {
  return makeEvent(EventType.EventRaised, nowMs, { Name: 'op', Input: JSON.stringify(request) });
}
