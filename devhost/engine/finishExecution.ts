import { randomUUID } from 'node:crypto';

import { executionCompleted, notifyParent, OrchestrationStatus } from './completionEvents.js';
import type { Outcome } from './decideOutcome.js';
import type { EngineDeps } from './EngineDeps.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import type { InstanceRow } from './Store.js';

/** Commits an ended execution: final event, status, output, parent notification. */
export function finish(
  deps: EngineDeps,
  inst: InstanceRow,
  events: HistoryEvent[],
  outcome: Outcome,
  nextId: number,
  nowMs: number,
): void {
  const { store } = deps;
  if (outcome.kind === 'completed') {
    events.push(executionCompleted(nowMs, nextId, OrchestrationStatus.Completed, outcome.result));
    store.updateInstance(inst.id, {
      status: 'Completed',
      output: outcome.result,
      updated_ms: nowMs,
    });
    notifyParent(store, inst, nowMs, { ok: true, result: outcome.result });
  } else if (outcome.kind === 'failed') {
    const output = JSON.stringify(outcome.message);
    events.push(executionCompleted(nowMs, nextId, OrchestrationStatus.Failed, output));
    store.updateInstance(inst.id, { status: 'Failed', output, updated_ms: nowMs });
    notifyParent(store, inst, nowMs, {
      ok: false,
      reason: outcome.message,
      details: outcome.details,
    });
  } else if (outcome.kind === 'continuedAsNew') {
    events.push(
      makeEvent(
        EventType.ContinueAsNew,
        nowMs,
        { OrchestrationStatus: OrchestrationStatus.ContinuedAsNew, Result: outcome.input },
        nextId,
      ),
    );
  }
}

/** Starts the next execution after ContinueAsNew: new execution id, same parent, old messages fenced out. */
export function continueAsNew(
  deps: EngineDeps,
  inst: InstanceRow,
  input: string,
  nowMs: number,
): void {
  const executionId = randomUUID().replace(/-/g, '');
  deps.store.updateInstance(inst.id, {
    execution_id: executionId,
    status: 'ContinuedAsNew',
    input,
    output: null,
    // The status API's createdTime is the current execution's start.
    created_ms: nowMs,
    updated_ms: nowMs,
  });
  deps.store.enqueue(
    inst.id,
    executionId,
    nowMs,
    makeEvent(EventType.ExecutionStarted, nowMs, {
      OrchestrationInstance: { InstanceId: inst.id, ExecutionId: executionId },
      ParentInstance:
        inst.parent_id === null
          ? null
          : {
              Name: null,
              Version: '',
              OrchestrationInstance: {
                InstanceId: inst.parent_id,
                ExecutionId: inst.parent_execution_id,
              },
              TaskScheduleId: inst.parent_task_id,
            },
      Name: inst.name,
      Version: inst.version,
      Input: input,
      Tags: null,
      Correlation: null,
      ScheduledStartTime: null,
      Generation: 0,
    }),
  );
}
