import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  MonitorActivityInput,
  MonitorActivityName,
  MonitorActivityOutput,
} from '../../activities/monitor/contracts.js';
import { decodeActivityFailure } from '../../domain/release/index.js';

/** How a monitoring call is retried (durable timers between attempts, replay-safe). */
export interface MonitorRetry {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Transient failures of side effects: 4 attempts over about 15 s. */
export const sideEffectRetry: MonitorRetry = {
  maxAttempts: 4,
  firstDelayMs: 2_000,
  maxDelayMs: 8_000,
};

/** A monitoring activity failed for good; `message` is the activity's own text. */
export class MonitorActivityError extends Error {
  override readonly name = 'MonitorActivityError';

  constructor(
    readonly activity: MonitorActivityName,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/**
 * Calls monitoring activity `name` and returns its typed output. Retryable failures are
 * retried after a durable timer (the delay the activity asked for, capped, else exponential
 * backoff); a non-retryable failure or the last attempt throws {@link MonitorActivityError}.
 * Unlike `callActivity`, an asked-for delay is capped at `maxDelayMs`, so a sample's retries
 * stay within its tick.
 */
export function* callMonitorActivity<N extends MonitorActivityName>(
  context: OrchestrationContext,
  name: N,
  input: MonitorActivityInput<N>,
  retry: MonitorRetry = sideEffectRetry,
): Generator<Task, MonitorActivityOutput<N>, unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (yield context.df.callActivity(name, input)) as MonitorActivityOutput<N>;
    } catch (error) {
      const failure = decodeActivityFailure(error);
      if (failure.kind === 'nonRetryable' || attempt >= retry.maxAttempts) {
        throw new MonitorActivityError(name, failure.message, attempt);
      }
      const backoffMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
      const delayMs = Math.min(failure.retryAfterMs ?? backoffMs, retry.maxDelayMs);
      const at = context.df.currentUtcDateTime.getTime() + Math.max(delayMs, 1);
      yield context.df.createTimer(new Date(at));
    }
  }
}

/** A short human reason for an error caught in a monitoring orchestrator. */
export function errorText(error: unknown): string {
  if (error instanceof MonitorActivityError) return `${error.activity}: ${error.message}`;
  return decodeActivityFailure(error).message;
}
