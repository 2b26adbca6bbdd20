import type { OrchestrationContext, Task } from 'durable-functions';

import type { ExecutionRef } from '../../activities/contracts.js';
import type { StartRefusal } from '../../domain/identity/inputSeal.js';
import type { StartRefusedStatus } from '../../domain/view/readStartRefusal.js';
import { callActivity } from './callActivity.js';
import { nowIso, nowMs } from './clock.js';
import { ForgedStartError } from './ForgedStartError.js';
import { reportRetry, verifyRetry } from './RetryPolicy.js';

/**
 * The first step of every Slotpilot orchestrator (it must come before any other yield): asks
 * `verifyOrchestrationInput` whether this instance's input was sealed by Slotpilot for
 * orchestrator `name`, this instance id and its parent instance (a start through the Durable
 * HTTP API with the system key is not). A top-level start also names its execution (Durable's
 * execution id and the time of its first episode, both fixed in history), and its sealed input
 * is good for that execution only: a finished release started again with its own sealed input
 * is refused. Valid: returns the input. Refused, or the check kept failing: publishes
 * `startRefused` as custom status, appends a `forgedStartRefused` audit event (without the
 * seal) and throws {@link ForgedStartError}, so the orchestration ends Failed having done
 * nothing else. The activity's answer is in the history, so replay takes the same branch.
 * Storage failures of the check are retried for about ten minutes ({@link verifyRetry}) before
 * the start is refused `unverified`; a verdict is final at once.
 */
export function* requireSealedInput<T>(
  context: OrchestrationContext,
  name: string,
): Generator<Task, T, unknown> {
  const input = context.df.getInput<T>();
  const instanceId = context.df.instanceId;
  // A top-level instance has no parent: undefined, null or '' depending on the host.
  const parent: unknown = context.df.parentInstanceId;
  const parentId = typeof parent === 'string' && parent !== '' ? parent : undefined;
  const execution = executionOf(context);
  let refusal: StartRefusal = 'unverified';
  let firstStartedAt: string | undefined;
  try {
    const verdict = yield* callActivity(
      context,
      'verifyOrchestrationInput',
      {
        name,
        instanceId,
        ...(parentId === undefined ? { execution } : { parentInstanceId: parentId }),
        input,
      },
      verifyRetry,
    );
    if (verdict.valid) return input;
    refusal = verdict.refusal ?? 'notSealed';
    firstStartedAt = verdict.firstStartedAt;
  } catch {
    // The check kept failing for ~10 minutes (retries spent): refuse rather than trust it.
  }
  const at = nowIso(context);
  const first: { firstStartedAt?: string } = firstStartedAt === undefined ? {} : { firstStartedAt };
  const status: StartRefusedStatus = {
    startRefused: { orchestrator: name, refusal, at, ...first },
  };
  context.df.setCustomStatus(status);
  const claimed = (input ?? {}) as { releaseId?: unknown; pipeline?: unknown };
  const run = execution.executionId === undefined ? '' : `:${execution.executionId}`;
  try {
    yield* callActivity(
      context,
      'recordAudit',
      {
        eventId: `${instanceId}:forgedStartRefused:${nowMs(context)}${run}`,
        releaseId: typeof claimed.releaseId === 'string' ? claimed.releaseId : instanceId,
        pipeline: typeof claimed.pipeline === 'string' ? claimed.pipeline : 'unknown',
        at,
        type: 'forgedStartRefused',
        actor: 'unknown',
        detail: {
          orchestrator: name,
          instanceId,
          refusal,
          ...(firstStartedAt === undefined ? {} : { firstStartedAt }),
        },
      },
      reportRetry,
    );
  } catch {
    // Best effort: the start is refused whether or not the audit line was written.
  }
  throw new ForgedStartError(name, refusal);
}

/**
 * This execution as its history fixes it: the first episode's time (the orchestration clock
 * before the first yield) and Durable's execution id from the ExecutionStarted event. The SDK
 * keeps the history it replays on `context.df` (durable-functions 3.x: `state`) without
 * typing it; both Azure and the dev host send ExecutionStarted with its
 * `OrchestrationInstance.ExecutionId`. Without it, the time alone names the execution.
 */
function executionOf(context: OrchestrationContext): ExecutionRef {
  const startedAt = nowIso(context);
  const history: unknown = (context.df as unknown as { state?: unknown }).state;
  if (!Array.isArray(history)) return { startedAt };
  const started = (history as { EventType?: unknown }[]).find((e) => e?.EventType === 0) as
    { OrchestrationInstance?: { ExecutionId?: unknown } } | undefined;
  const id = started?.OrchestrationInstance?.ExecutionId;
  return typeof id === 'string' && id !== '' ? { executionId: id, startedAt } : { startedAt };
}
