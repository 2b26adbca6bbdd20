import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityInput, ActivityName, ActivityOutput } from '../../activities/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';
import { ActivityError } from './ActivityError.js';
import { inMs } from './clock.js';
import { defaultRetry, retryDelayMs, type RetryPolicy } from './RetryPolicy.js';

/**
 * Calls activity `name` and returns its typed output. Retryable failures are retried after
 * a durable timer (the delay the activity asked for, else exponential backoff); a
 * non-retryable failure or the last attempt throws {@link ActivityError}.
 *
 * @example const slots = yield* callActivity(context, 'readSlots', { target });
 */
export function* callActivity<N extends ActivityName>(
  context: OrchestrationContext,
  name: N,
  input: ActivityInput<N>,
  policy: RetryPolicy = defaultRetry,
): Generator<Task, ActivityOutput<N>, unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (yield context.df.callActivity(name, input)) as ActivityOutput<N>;
    } catch (error) {
      const failure = decodeActivityFailure(error);
      if (failure.kind === 'nonRetryable' || attempt >= policy.maxAttempts) {
        throw new ActivityError(name, failure.message, attempt);
      }
      yield context.df.createTimer(
        inMs(context, retryDelayMs(policy, attempt, failure.retryAfterMs)),
      );
    }
  }
}
