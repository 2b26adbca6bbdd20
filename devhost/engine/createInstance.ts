import { randomUUID } from 'node:crypto';

import { EventType, makeEvent } from './history.js';
import type { Store } from './Store.js';

/** Non-running statuses an existing instance may be overwritten from (OverridableExistingInstanceStates). */
const terminalStatuses = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

/** Thrown when an instance id is unusable or already running; maps to the host's error codes. */
export class InstanceConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstanceConflictError';
  }
}

/** What starting an orchestration needs; `input` is JSON text or null. */
export interface NewInstance {
  instanceId: string;
  name: string;
  input: string | null;
  version?: string;
  parent?: { instanceId: string; executionId: string; taskId: number; name: string };
  nowMs: number;
}

/** Checks an instance id as the extension does; returns the problem or undefined. */
export function instanceIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'instanceId: expected a non-empty string, got ""';
  if (id.length > 256) return `instanceId: expected at most 256 characters, got ${id.length}`;
  if (id.startsWith('@')) return `instanceId: expected no leading "@", got "${id}"`;
  // eslint-disable-next-line no-control-regex
  if (/[/\\?#\u0000-\u001f\u007f]/.test(id))
    return `instanceId: expected no "/", "\\", "?", "#" or control characters, got "${id}"`;
  return undefined;
}

/**
 * Creates (or overwrites a terminal) instance with a fresh execution id and queues its
 * ExecutionStarted; status Pending until the first episode. Must run inside a transaction.
 * Throws InstanceConflictError when the id is invalid or the instance is still running.
 */
export function createInstance(store: Store, n: NewInstance): string {
  const problem = instanceIdProblem(n.instanceId);
  if (problem !== undefined) throw new InstanceConflictError(problem);
  const existing = store.getInstance(n.instanceId);
  if (existing !== undefined) {
    if (!terminalStatuses.has(existing.status)) {
      throw new InstanceConflictError(
        `An instance with ID '${n.instanceId}' already exists and is ${existing.status}; only instances in a terminal state can be replaced.`,
      );
    }
    store.deleteInstance(n.instanceId);
  }
  const executionId = randomUUID().replace(/-/g, '');
  store.upsertInstance({
    id: n.instanceId,
    name: n.name,
    version: n.version ?? '',
    execution_id: executionId,
    status: 'Pending',
    input: n.input,
    output: null,
    custom_status: null,
    created_ms: n.nowMs,
    updated_ms: n.nowMs,
    parent_id: n.parent?.instanceId ?? null,
    parent_execution_id: n.parent?.executionId ?? null,
    parent_task_id: n.parent?.taskId ?? null,
  });
  const started = makeEvent(EventType.ExecutionStarted, n.nowMs, {
    OrchestrationInstance: { InstanceId: n.instanceId, ExecutionId: executionId },
    ParentInstance:
      n.parent === undefined
        ? null
        : {
            Name: n.parent.name,
            Version: '',
            OrchestrationInstance: {
              InstanceId: n.parent.instanceId,
              ExecutionId: n.parent.executionId,
            },
            TaskScheduleId: n.parent.taskId,
          },
    Name: n.name,
    Version: n.version ?? '',
    Input: n.input,
    Tags: null,
    Correlation: null,
    ScheduledStartTime: null,
    Generation: 0,
  });
  store.enqueue(n.instanceId, executionId, n.nowMs, started);
  return executionId;
}
