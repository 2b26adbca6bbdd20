import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityInput, ActivityName, ActivityOutput } from '../../activities/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';
import { ActivityError } from './ActivityError.js';
import { inMs, nowMs } from './clock.js';
import { defaultRetry, mayRetry, retryDelayMs, type RetryPolicy } from './RetryPolicy.js';

/** A retryable failure about to be retried: which call, its message, and the wait before it. */
export interface RetryNotice {
  activity: ActivityName;
  /** The activity's own message (its first line is the reason to show). */
  message: string;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  delayMs: number;
}

/**
 * Called before each retry's durable timer (e.g. to page while a rollback is held up). It
 * may call activities itself; it must not throw.
 */
export type OnRetry = (notice: RetryNotice) => Generator<Task, void, unknown>;

/**
 * Calls activity `name` and returns its typed output. Retryable failures are retried after
 * a durable timer (the delay the activity asked for, else exponential backoff) while the
 * per-call policy allows (attempts, and the step's deadline when it has one); a
 * non-retryable failure or the last allowed attempt throws {@link ActivityError}.
 *
 * @example const slots = yield* callActivity(context, 'readSlots', { target }, armRetry);
 */
export function* callActivity<N extends ActivityName>(
  context: OrchestrationContext,
  name: N,
  input: ActivityInput<N>,
  policy: RetryPolicy = defaultRetry,
  onRetry?: OnRetry,
): Generator<Task, ActivityOutput<N>, unknown> {
  const startedMs = nowMs(context);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (yield context.df.callActivity(name, input)) as ActivityOutput<N>;
    } catch (error) {
      const failure = decodeActivityFailure(error);
      const delayMs = Math.max(retryDelayMs(policy, attempt, failure.retryAfterMs), 1);
      if (
        failure.kind === 'nonRetryable' ||
        !mayRetry(policy, attempt, nowMs(context) - startedMs, delayMs)
      ) {
        throw new ActivityError(name, failure.message, attempt);
      }
      if (onRetry !== undefined) {
        yield* onRetry({ activity: name, message: failure.message, attempt, delayMs });
      }
      yield context.df.createTimer(inMs(context, delayMs));
    }
  }
}
