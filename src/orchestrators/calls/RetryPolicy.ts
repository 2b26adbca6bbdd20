/**
 * How an orchestrator retries a failed activity (retryable failures only), per call: every
 * activity call of every orchestrator takes one (see `callActivity`). Waits are durable timers.
 */
export interface RetryPolicy {
  /** Attempts in all; `Number.POSITIVE_INFINITY` when only `budgetMs` bounds the retries. */
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest delay an activity may ask for (`Retry-After`); a longer one is shortened to
   * this. Default 10 × `maxDelayMs`. Set it to `maxDelayMs` to keep retries inside a tick.
   */
  maxAskedMs?: number;
  /**
   * Never wait less than the exponential backoff, even when the activity asks for a shorter
   * delay (a 429 asking for 1 s): the budget then spans the whole backoff schedule. Default
   * false: the activity's delay wins.
   */
  atLeastBackoff?: boolean;
  /**
   * The step's own deadline, in ms after its first attempt: a retry whose wait would end
   * later is not made (the failure is final). Absent: only `maxAttempts` bounds the retries.
   */
  budgetMs?: number;
}

/** Transient failures: 5 attempts over about half a minute of durable timers. */
export const defaultRetry: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
};

/**
 * Transient failures (throttling, 5xx, timeouts) retried for as long as the step's deadline
 * allows: backoff from 2 s doubling to 30 s, never shorter than the `Retry-After` the service
 * asked for, until the next wait would end more than `budgetMs` after the first attempt.
 * A burst of 429/503 then costs a step time, not its attempts.
 *
 * @example yield* callActivity(context, 'deployImage', input, untilDeadline(10 * 60_000));
 */
export function untilDeadline(budgetMs: number): RetryPolicy {
  return {
    maxAttempts: Number.POSITIVE_INFINITY,
    firstDelayMs: 2_000,
    maxDelayMs: 30_000,
    atLeastBackoff: true,
    budgetMs,
  };
}

/** A deploy (ARM config update and read back): transient failures for up to 10 minutes. */
export const deployRetry: RetryPolicy = untilDeadline(10 * 60_000);

/** ARM reads and swaps outside a wait of their own: transient failures for up to 3 minutes. */
export const armRetry: RetryPolicy = untilDeadline(3 * 60_000);

/**
 * A look inside a wait of its own (readiness, warm-up): transient failures are retried until
 * the wait's deadline, `remainingMs` from now, and for at least the default half minute.
 */
export function lookRetry(remainingMs: number): RetryPolicy {
  return untilDeadline(Math.max(remainingMs, 30_000));
}

/** Delay before attempt `attempt + 1` (exponential, capped), unless the activity asked for one. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, askedMs?: number): number {
  const backoffMs = Math.min(
    policy.firstDelayMs * 2 ** Math.min(attempt - 1, 30),
    policy.maxDelayMs,
  );
  if (askedMs !== undefined && askedMs > 0) {
    const cappedMs = Math.min(askedMs, policy.maxAskedMs ?? policy.maxDelayMs * 10);
    return policy.atLeastBackoff === true ? Math.max(cappedMs, backoffMs) : cappedMs;
  }
  return backoffMs;
}

/**
 * Whether attempt `attempt + 1` may be made when the step has run `elapsedMs` since its first
 * attempt and would now wait `delayMs`.
 */
export function mayRetry(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  delayMs: number,
): boolean {
  if (attempt >= policy.maxAttempts) return false;
  return policy.budgetMs === undefined || elapsedMs + delayMs <= policy.budgetMs;
}

/** Total wait of a policy's retries when every attempt fails and asks for no longer delay. */
export function retryBudgetMs(policy: RetryPolicy): number {
  let totalMs = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt += 1) {
    const delayMs = retryDelayMs(policy, attempt);
    if (!mayRetry(policy, attempt, totalMs, delayMs)) break;
    totalMs += delayMs;
  }
  return totalMs;
}

/** Best-effort side effects (Slack, audit): one retry, so an outage delays a release little. */
export const reportRetry: RetryPolicy = { maxAttempts: 2, firstDelayMs: 2_000, maxDelayMs: 5_000 };

/**
 * Side effects of monitoring and canaries (notifications, audit, routing, reads): 4 attempts
 * over about 15 s, an asked-for delay capped at the largest backoff so a tick stays on time.
 */
export const sideEffectRetry: RetryPolicy = {
  maxAttempts: 4,
  firstDelayMs: 2_000,
  maxDelayMs: 8_000,
  maxAskedMs: 8_000,
};

/** Taking a canary's share back to 0 %: it must happen, so keep at it for about 10 minutes. */
export const shareZeroRetry: RetryPolicy = {
  maxAttempts: 25,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxAskedMs: 30_000,
};

/**
 * A rollback's calls: a safety action must not fail unsafe, so transient failures are retried
 * for as long as it takes: 2 s doubling to 1 min between attempts, never less than the
 * service's `Retry-After` (honoured up to 5 min). History grows by about 4 events an attempt:
 * an hour of outage adds about 300.
 */
export const rollbackRetry: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  firstDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxAskedMs: 5 * 60_000,
  atLeastBackoff: true,
};
