import { EventType, type HistoryEvent } from './history.js';
import type { RetryOptionsJson } from './OrchestratorAction.js';
import type { ReplayState } from './ReplayState.js';
import { TaskNode } from './TaskNode.js';

/**
 * A call with retry options as the shim runs it: `attempt` schedules one try; a failed try
 * waits a backoff timer and tries again until the attempts or the retry timeout run out.
 */
export function retryTask(
  state: ReplayState,
  opts: RetryOptionsJson,
  attempt: (onDone: (ev: HistoryEvent) => void) => void,
): TaskNode {
  const t = new TaskNode();
  const firstAttemptMs = state.now;
  let retryCount = 0;
  const run = (): void =>
    attempt((ev) => {
      if (
        ev.EventType === EventType.TaskCompleted ||
        ev.EventType === EventType.SubOrchestrationInstanceCompleted
      ) {
        t.complete();
        return;
      }
      if (retryCount >= opts.maxNumberOfAttempts - 1) {
        // The last failure still gets a timer that fires at once (DTFx back-compat).
        state.scheduleTimer(state.now, () => t.complete());
        return;
      }
      const timeout = opts.retryTimeoutInMilliseconds;
      const expired = timeout !== undefined && timeout > 0 && state.now >= firstAttemptMs + timeout;
      const raw =
        opts.firstRetryIntervalInMilliseconds * Math.pow(opts.backoffCoefficient ?? 1, retryCount);
      const cap = opts.maxRetryIntervalInMilliseconds;
      const delay = expired ? 0 : cap !== undefined && cap > 0 && raw > cap ? cap : raw;
      retryCount++;
      // A zero delay ends the retry loop without a timer: the SDK keeps waiting (durable-js #629).
      if (delay <= 0) t.complete();
      else state.scheduleTimer(state.now + delay, run);
    });
  run();
  return t;
}
