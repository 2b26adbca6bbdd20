import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityInput, ActivityName, ActivityOutput } from '../../activities/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';
import { ActivityError } from './ActivityError.js';
import { inMs, nowMs } from './clock.js';
import { defaultRetry, mayRetry, retryDelayMs, type RetryPolicy } from './RetryPolicy.js';

/**
 * Calls activity `name` and returns its typed output. Retryable failures are retried after
 * a durable timer (the delay the activity asked for, else exponential backoff) while the
 * policy allows (attempts, and the step's deadline when it has one); a non-retryable failure
 * or the last allowed attempt throws {@link ActivityError}.
 *
 * @example const slots = yield* callActivity(context, 'readSlots', { target });
 */
export function* callActivity<N extends ActivityName>(
  context: OrchestrationContext,
  name: N,
  input: ActivityInput<N>,
  policy: RetryPolicy = defaultRetry,
): Generator<Task, ActivityOutput<N>, unknown> {
  const startedMs = nowMs(context);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (yield context.df.callActivity(name, input)) as ActivityOutput<N>;
    } catch (error) {
      const failure = decodeActivityFailure(error);
      const delayMs = retryDelayMs(policy, attempt, failure.retryAfterMs);
      if (
        failure.kind === 'nonRetryable' ||
        !mayRetry(policy, attempt, nowMs(context) - startedMs, delayMs)
      ) {
        throw new ActivityError(name, failure.message, attempt);
      }
      yield context.df.createTimer(inMs(context, delayMs));
    }
  }
}
