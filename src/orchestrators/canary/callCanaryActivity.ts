import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  CanaryActivityInput,
  CanaryActivityName,
  CanaryActivityOutput,
} from '../../activities/canary/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';

/** How a canary call is retried: attempts, first and largest delay (durable timers). */
export interface CanaryRetry {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Setting a share or sampling: 4 attempts over about 15 s. */
export const canaryRetry: CanaryRetry = { maxAttempts: 4, firstDelayMs: 2_000, maxDelayMs: 8_000 };

/** Taking the share back to 0 %: it must happen, so keep at it for about 10 minutes. */
export const shareZeroRetry: CanaryRetry = {
  maxAttempts: 25,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/** A canary activity failed for good. */
export class CanaryActivityError extends Error {
  override readonly name = 'CanaryActivityError';

  constructor(
    readonly activity: CanaryActivityName,
    message: string,
  ) {
    super(`${activity}: ${message}`);
  }
}

/**
 * Calls canary activity `name`; retryable failures are retried after a durable timer (the
 * delay the activity asked for, capped, else exponential backoff). Throws
 * {@link CanaryActivityError} when it fails for good.
 */
export function* callCanaryActivity<N extends CanaryActivityName>(
  context: OrchestrationContext,
  name: N,
  input: CanaryActivityInput<N>,
  retry: CanaryRetry = canaryRetry,
): Generator<Task, CanaryActivityOutput<N>, unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (yield context.df.callActivity(name, input)) as CanaryActivityOutput<N>;
    } catch (error) {
      const failure = decodeActivityFailure(error);
      if (failure.kind === 'nonRetryable' || attempt >= retry.maxAttempts) {
        throw new CanaryActivityError(name, failure.message);
      }
      const backoffMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
      const delayMs = Math.min(failure.retryAfterMs ?? backoffMs, retry.maxDelayMs);
      yield context.df.createTimer(
        new Date(context.df.currentUtcDateTime.getTime() + Math.max(delayMs, 1)),
      );
    }
  }
}
