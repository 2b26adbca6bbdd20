import type { OrchestrationContext, Task } from 'durable-functions';
import * as df from 'durable-functions';

import type { ActivityInput, ActivityName } from '../../activities/contracts.js';
import { defaultRetry } from './RetryPolicy.js';

/**
 * A typed activity task for fan-out (`Task.all`), retried by the durable runtime with the
 * default policy. Read the result with a cast to `ActivityOutput<N>` after the fan-in.
 */
export function activityTask<N extends ActivityName>(
  context: OrchestrationContext,
  name: N,
  input: ActivityInput<N>,
): Task {
  const retry = new df.RetryOptions(defaultRetry.firstDelayMs, defaultRetry.maxAttempts);
  retry.backoffCoefficient = 2;
  retry.maxRetryIntervalInMilliseconds = defaultRetry.maxDelayMs;
  return context.df.callActivityWithRetry(name, retry, input);
}
