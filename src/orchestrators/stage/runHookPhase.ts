import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityOutput } from '../../activities/contracts.js';
import { formatDuration } from '../../domain/duration.js';
import type { CheckView, HookCallback, StageInput } from '../../domain/release/index.js';
import { hookEventName } from '../../domain/release/index.js';
import { activityTask } from '../calls/activityTask.js';
import { nowMs } from '../calls/clock.js';
import { EventWaits } from '../calls/EventWaits.js';
import { failureReason } from '../calls/failureReason.js';
import type { StageTracker } from './StageTracker.js';

/**
 * Runs the hooks of one phase in parallel: every hook is called at once; a hook that
 * answered 202 is awaited as the external event `hookEventName(stage, hook)` raced against
 * a timer at its own deadline (the losing timer is cancelled); while it waits, the stage's
 * custom status names the awaited calls (`awaitingCallbacks`), which is what the callback
 * route checks before it raises a result. Returns every hook's check,
 * in config order; `Failed` for a failed, unreachable or timed-out hook.
 */
export function* runHookPhase(
  context: OrchestrationContext,
  input: StageInput,
  phase: string,
  tracker: StageTracker,
): Generator<Task, CheckView[], unknown> {
  const hooks = input.stage.hooks.filter((h) => h.phase === phase);
  if (hooks.length === 0) return [];
  const startedMs = nowMs(context);
  for (const hook of hooks) tracker.check({ name: hook.name, status: 'Running' });
  const calls = yield* callAll(context, input, hooks);
  const answers = calls.map((call) =>
    call.isCompleted && !call.isFaulted ? (call.result as ActivityOutput<'callHook'>) : undefined,
  );
  let awaiting = answers.flatMap((a) => (a?.kind === 'running' ? [a.callbackId] : []));
  if (awaiting.length > 0) tracker.awaiting(awaiting);
  const results: CheckView[] = [];
  for (const [i, hook] of hooks.entries()) {
    const answer = answers[i];
    let check: CheckView;
    if (answer === undefined) {
      check = { name: hook.name, status: 'Failed', detail: failureReason(calls[i]?.result) };
    } else {
      if (answer.kind === 'result') {
        check = {
          name: hook.name,
          status: answer.status === 'passed' ? 'Passed' : 'Failed',
          detail: answer.detail,
        };
      } else {
        const deadline = new Date(startedMs + hook.timeoutMs);
        check = yield* awaitCallback(context, input.stage.name, hook.name, answer.callbackId, {
          deadline,
          timeoutMs: hook.timeoutMs,
        });
        awaiting = awaiting.filter((id) => id !== answer.callbackId);
        tracker.awaiting(awaiting);
      }
    }
    tracker.check(check);
    results.push(check);
  }
  return results;
}

/** Calls every hook of the phase at once and waits until every call has ended. */
function* callAll(
  context: OrchestrationContext,
  input: StageInput,
  hooks: StageInput['stage']['hooks'],
): Generator<Task, Task[], unknown> {
  const calls = hooks.map((hook) =>
    activityTask(context, 'callHook', {
      releaseId: input.releaseId,
      pipeline: input.pipeline,
      stage: input.stage.name,
      hook: hook.name,
      image: input.image,
      digest: input.digest,
      target: input.stage.target,
      instanceId: context.df.instanceId,
      timeoutMs: hook.timeoutMs,
    }),
  );
  try {
    yield context.df.Task.all(calls);
  } catch {
    // Task.all fails fast: wait for the calls still running, then read each one below.
    for (const call of calls.filter((c) => !c.isCompleted)) {
      try {
        yield call;
      } catch {
        // Read below.
      }
    }
  }
  return calls;
}

/**
 * Waits until the result of hook call `callbackId` arrives (raised by the callback route once
 * the hook's token checked out) or `deadline` passes. A result for another call of the same
 * hook (an earlier run of the release) is ignored and the wait goes on, same deadline.
 */
function* awaitCallback(
  context: OrchestrationContext,
  stage: string,
  hook: string,
  callbackId: string,
  limit: { deadline: Date; timeoutMs: number },
): Generator<Task, CheckView, unknown> {
  const timedOut: CheckView = {
    name: hook,
    status: 'Failed',
    detail: `timed out after ${formatDuration(limit.timeoutMs)}`,
  };
  if (limit.deadline.getTime() <= nowMs(context)) return timedOut;
  const eventName = hookEventName(stage, hook);
  const events = new EventWaits(context);
  for (;;) {
    const timer = context.df.createTimer(limit.deadline);
    const winner: unknown = yield context.df.Task.any([events.wait(eventName), timer]);
    if (winner === timer) return timedOut;
    timer.cancel();
    const [result] = events.take(eventName) as (Partial<HookCallback> | null)[];
    if (result?.callbackId !== callbackId) continue;
    const passed = result.status === 'passed';
    return {
      name: hook,
      status: passed ? 'Passed' : 'Failed',
      detail: result.detail ?? (passed ? 'passed (callback)' : 'failed (callback)'),
    };
  }
}
