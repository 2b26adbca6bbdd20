import { createInstance, InstanceConflictError } from './createInstance.js';
import type { EngineDeps } from './EngineDeps.js';
import { type EntityRequest, operationEvent } from './entityMessages.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import { httpActivityName } from './httpActivity.js';
import type { InstanceRow } from './Store.js';

/** Dispatches the new decisions: activity work items, timer messages, child instances. */
export function dispatch(
  deps: EngineDeps,
  inst: InstanceRow,
  decisions: HistoryEvent[],
  nowMs: number,
): void {
  for (const d of decisions) {
    if (d.EventType === EventType.TaskScheduled) {
      deps.store.addWorkItem({
        instance_id: inst.id,
        execution_id: inst.execution_id,
        task_id: d.EventId,
        name: String(d['Name']),
        input: String(d['Input']),
      });
    } else if (d.EventType === EventType.TimerCreated) {
      const fireAt = String(d['FireAt']);
      deps.store.enqueue(
        inst.id,
        inst.execution_id,
        Date.parse(fireAt),
        makeEvent(EventType.TimerFired, Date.parse(fireAt), { TimerId: d.EventId, FireAt: fireAt }),
      );
    } else if (d.EventType === EventType.EventSent) {
      const target = String(d['InstanceId']);
      deps.store.enqueue(
        target,
        null,
        nowMs,
        operationEvent(nowMs, JSON.parse(String(d['Input'])) as EntityRequest),
      );
      deps.wake(target);
    } else if (d.EventType === EventType.SubOrchestrationInstanceCreated) {
      const childId = String(d['InstanceId']);
      try {
        createInstance(deps.store, {
          instanceId: childId,
          name: String(d['Name']),
          input: (d['Input'] as string | null) ?? null,
          parent: {
            instanceId: inst.id,
            executionId: inst.execution_id,
            taskId: d.EventId,
            name: inst.name,
          },
          nowMs,
        });
        deps.wake(childId);
      } catch (err) {
        if (!(err instanceof InstanceConflictError)) throw err;
        deps.store.enqueue(
          inst.id,
          inst.execution_id,
          nowMs,
          makeEvent(EventType.SubOrchestrationInstanceFailed, nowMs, {
            TaskScheduledId: d.EventId,
            Reason: `devhost: cannot start sub-orchestration: ${err.message}`,
            Details: null,
            FailureDetails: null,
          }),
        );
      }
    }
  }
}

export function unknownFunctions(deps: EngineDeps, decisions: HistoryEvent[]): string | undefined {
  for (const d of decisions) {
    const want =
      d.EventType === EventType.TaskScheduled
        ? 'activitytrigger'
        : d.EventType === EventType.SubOrchestrationInstanceCreated
          ? 'orchestrationtrigger'
          : undefined;
    if (want === undefined || d['Name'] === httpActivityName) continue;
    const fn = deps.registry.find(String(d['Name']));
    if (fn?.trigger.type.toLowerCase() !== want) {
      const kind = want === 'activitytrigger' ? 'activity' : 'orchestrator';
      return `The function '${String(d['Name'])}' is not registered as an ${kind} function.`;
    }
  }
  return undefined;
}
