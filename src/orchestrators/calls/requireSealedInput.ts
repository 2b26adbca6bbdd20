import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from './callActivity.js';
import { nowIso, nowMs } from './clock.js';
import { ForgedStartError } from './ForgedStartError.js';
import { reportRetry } from './RetryPolicy.js';

/**
 * The first step of every Slotpilot orchestrator: asks `verifyOrchestrationInput` whether
 * this instance's input was sealed by Slotpilot for orchestrator `name`, this instance id and
 * its parent instance (a start through the Durable HTTP API with the system key is not). Sealed: returns the
 * input. Not sealed, or the check failed: appends a `forgedStartRefused` audit event (without
 * the seal) and throws {@link ForgedStartError}, so the orchestration ends Failed having done
 * nothing else. The activity's answer is in the history, so replay takes the same branch.
 */
export function* requireSealedInput<T>(
  context: OrchestrationContext,
  name: string,
): Generator<Task, T, unknown> {
  const input = context.df.getInput<T>();
  const instanceId = context.df.instanceId;
  // A top-level instance has no parent: undefined, null or '' depending on the host.
  const parent: unknown = context.df.parentInstanceId;
  let valid = false;
  try {
    const verdict = yield* callActivity(context, 'verifyOrchestrationInput', {
      name,
      instanceId,
      ...(typeof parent === 'string' && parent !== '' ? { parentInstanceId: parent } : {}),
      input,
    });
    valid = verdict.valid;
  } catch {
    valid = false;
  }
  if (valid) return input;
  const claimed = (input ?? {}) as { releaseId?: unknown; pipeline?: unknown };
  try {
    yield* callActivity(
      context,
      'recordAudit',
      {
        eventId: `${instanceId}:forgedStartRefused:${nowMs(context)}`,
        releaseId: typeof claimed.releaseId === 'string' ? claimed.releaseId : instanceId,
        pipeline: typeof claimed.pipeline === 'string' ? claimed.pipeline : 'unknown',
        at: nowIso(context),
        type: 'forgedStartRefused',
        actor: 'unknown',
        detail: { orchestrator: name, instanceId },
      },
      reportRetry,
    );
  } catch {
    // Best effort: the start is refused whether or not the audit line was written.
  }
  throw new ForgedStartError(name);
}
