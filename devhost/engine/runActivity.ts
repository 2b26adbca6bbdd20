import { invokeFunction } from '../load/invokeFunction.js';
import type { EngineDeps } from './EngineDeps.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import { httpActivityName, runHttpActivity } from './httpActivity.js';
import type { WorkItemRow } from './Store.js';
import { typedDataToJson } from './typedDataToJson.js';

/** The activity's trigger data: the scheduled input unwrapped from its one-element array, as text. */
function triggerText(input: string): string {
  const arr = JSON.parse(input) as unknown[];
  const v = arr[0] ?? null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The .NET type the host wraps an out-of-process function failure in. */
const rpcExceptionType = 'Microsoft.Azure.WebJobs.Script.Workers.Rpc.RpcException';

/**
 * TaskFailed's Reason and Details as production writes them: the extension reports
 * `Activity function '<name>' failed: <exception message>`, and for a Node function that
 * exception is the host's RpcException, whose message is
 * `Result: Failure\nException: <message>\nStack: <stack>`; Details is the serialized exception.
 */
function failureFields(name: string, err: unknown): { Reason: string; Details: string } {
  const e = err instanceof Error ? err : new Error(String(err));
  const stack = e.stack ?? '';
  const message = `Result: Failure\nException: ${e.message}\nStack: ${stack}`;
  return {
    Reason: `Activity function '${name}' failed: ${message}`,
    Details: JSON.stringify({
      $type: `${rpcExceptionType}, Microsoft.Azure.WebJobs.Script`,
      ClassName: rpcExceptionType,
      Message: message,
      RemoteMessage: e.message,
      RemoteStackTrace: stack,
    }),
  };
}

/**
 * The built-in HTTP activity's completion: TaskCompleted with the response, or TaskFailed whose
 * Reason is the error itself (the extension's HTTP activity is not a function, so there is no
 * "Activity function … failed" wrapper).
 */
async function httpActivityEvent(deps: EngineDeps, item: WorkItemRow): Promise<HistoryEvent> {
  try {
    const res = await runHttpActivity(item.input);
    return makeEvent(EventType.TaskCompleted, deps.clock.now(), {
      TaskScheduledId: item.task_id,
      Result: JSON.stringify(res),
    });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return makeEvent(EventType.TaskFailed, deps.clock.now(), {
      TaskScheduledId: item.task_id,
      Reason: e.message,
      Details: JSON.stringify({
        ClassName: 'System.Net.Http.HttpRequestException',
        Message: e.message,
      }),
      FailureDetails: null,
    });
  }
}

/**
 * Runs one activity work item and, in one transaction, removes it and queues TaskCompleted or
 * TaskFailed (reference §3) for the execution that scheduled it. A crash before the commit
 * leaves the item queued: activities are at-least-once, as on Azure.
 */
export async function runActivity(deps: EngineDeps, item: WorkItemRow): Promise<void> {
  const fn = deps.registry.find(item.name);
  let ev: HistoryEvent;
  try {
    if (item.name === httpActivityName) {
      ev = await httpActivityEvent(deps, item);
    } else if (fn?.trigger.type.toLowerCase() !== 'activitytrigger') {
      throw new Error(`The function '${item.name}' is not registered as an activity function.`);
    } else {
      const rv = await invokeFunction(
        deps.registry,
        fn,
        {
          trigger: { string: triggerText(item.input) },
          triggerMetadata: { instanceId: item.instance_id },
          inputsByType: deps.inputsByType(),
        },
        deps.log,
      );
      ev = makeEvent(EventType.TaskCompleted, deps.clock.now(), {
        TaskScheduledId: item.task_id,
        Result: typedDataToJson(rv),
      });
    }
  } catch (err) {
    ev = makeEvent(EventType.TaskFailed, deps.clock.now(), {
      TaskScheduledId: item.task_id,
      ...failureFields(item.name, err),
      FailureDetails: null,
    });
  }
  deps.store.transaction(() => {
    if (deps.store.deleteWorkItem(item.id) === 0) return;
    if (deps.store.getInstance(item.instance_id) === undefined) return;
    deps.store.enqueue(item.instance_id, item.execution_id, deps.clock.now(), ev);
  });
  deps.log(
    `activity ${item.name}#${item.task_id} of ${item.instance_id} ${ev.EventType === EventType.TaskCompleted ? 'completed' : 'failed'}`,
  );
  deps.wake(item.instance_id);
}
