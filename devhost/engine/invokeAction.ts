import { type EntityRequest, requestId } from './entityMessages.js';
import { EventType, type HistoryEvent } from './history.js';
import { httpCallTask } from './httpCallTask.js';
import { ActionType, type OrchestratorAction } from './OrchestratorAction.js';
import type { ReplayState } from './ReplayState.js';
import { retryTask } from './retryTask.js';
import { TaskNode } from './TaskNode.js';
import { timerTask } from './timerTask.js';

/** An action the dev host does not support: the replay reports it instead of deciding. */
export class UnsupportedAction extends Error {}

/** The SDK calls behind the entity action types, for the "not supported" failure. */
const entityActions: Record<number, string> = {
  [ActionType.ScheduledSignalEntity]: 'signalEntity (scheduled)',
  [ActionType.LockEntities]: 'lock (critical section)',
  [ActionType.ReleaseEntities]: 'lock release (critical section)',
};

/**
 * Invokes one SDK action as the shim does: schedules what it needs through `state` and returns
 * the task that completes with it (compound actions like Task.WhenAll / Task.WhenAny).
 * Throws {@link UnsupportedAction} for actions the dev host does not run.
 */
export function invokeAction(state: ReplayState, a: OrchestratorAction): TaskNode {
  switch (a.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry: {
      const attempt = (onDone: (ev: HistoryEvent) => void): void => {
        const name = a.functionName ?? '';
        const id = state.decide(EventType.TaskScheduled, name, {
          Name: name,
          Version: '',
          Input: JSON.stringify([a.input ?? null]),
        });
        state.open.set(id, onDone);
      };
      if (a.actionType === ActionType.CallActivityWithRetry && a.retryOptions !== undefined) {
        return retryTask(state, a.retryOptions, attempt);
      }
      const t = new TaskNode();
      attempt(() => t.complete());
      return t;
    }
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry: {
      const attempt = (onDone: (ev: HistoryEvent) => void): void => {
        const name = a.functionName ?? '';
        const id = state.idCounter;
        const instanceId = a.instanceId ?? `${state.executionId}:${id}`;
        state.decide(EventType.SubOrchestrationInstanceCreated, name, {
          Name: name,
          Version: a.version ?? '',
          InstanceId: instanceId,
          Input: inputJson(a.input),
        });
        state.open.set(id, onDone);
      };
      if (
        a.actionType === ActionType.CallSubOrchestratorWithRetry &&
        a.retryOptions !== undefined
      ) {
        return retryTask(state, a.retryOptions, attempt);
      }
      const t = new TaskNode();
      attempt(() => t.complete());
      return t;
    }
    case ActionType.CallHttp:
      return httpCallTask(state, a.httpRequest ?? { method: 'GET', uri: '' });
    case ActionType.SignalEntity:
    case ActionType.CallEntity:
      return entityTask(state, a);
    case ActionType.ContinueAsNew:
      state.continueAsNewInput = inputJson(a.input) ?? 'null';
      return TaskNode.completed();
    case ActionType.CreateTimer:
      return timerTask(state, a);
    case ActionType.WaitForExternalEvent:
      return eventTask(state, (a.externalEventName ?? '').toLowerCase());
    case ActionType.WhenAny:
    case ActionType.WhenAll: {
      const children = (a.compoundActions ?? []).map((child) => invokeAction(state, child));
      const t = new TaskNode();
      const check = (): void => {
        const ok =
          a.actionType === ActionType.WhenAny
            ? children.some((c) => c.done)
            : children.every((c) => c.done);
        if (ok) t.complete();
      };
      children.forEach((c) => c.then(check));
      check();
      return t;
    }
    default:
      throw new UnsupportedAction(
        `${entityActions[a.actionType] ?? `action type ${a.actionType}`} (durable entities) is not supported by the dev host`,
      );
  }
}

/**
 * SignalEntity / CallEntity: the extension sends the entity an "op" event (EventSent); a call
 * then waits for the response, an EventRaised named by the request id.
 */
function entityTask(state: ReplayState, a: OrchestratorAction): TaskNode {
  const signal = a.actionType === ActionType.SignalEntity;
  const id = requestId(state.executionId, state.idCounter);
  const request: EntityRequest = {
    id,
    op: a.operation ?? '',
    signal,
    input: inputJson(a.input),
    ...(signal ? {} : { parent: state.instanceId, parentExecution: state.executionId }),
  };
  state.decide(EventType.EventSent, 'op', {
    InstanceId: a.instanceId ?? '',
    Name: 'op',
    Input: JSON.stringify(request),
  });
  if (signal) return TaskNode.completed();
  return eventTask(state, id);
}

/** Waits for the external event `name` (lower case), or takes one raised before. */
function eventTask(state: ReplayState, name: string): TaskNode {
  const idx = state.buffered.indexOf(name);
  if (idx >= 0) {
    state.buffered.splice(idx, 1);
    return TaskNode.completed();
  }
  const t = new TaskNode();
  state.waiters.push({ name, task: t });
  return t;
}

function inputJson(input: unknown): string | null {
  return input === undefined ? null : JSON.stringify(input);
}
