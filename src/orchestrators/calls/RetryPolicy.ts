/** How an orchestrator retries a failed activity (retryable failures only). */
export interface RetryPolicy {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /**
   * Never wait less than the exponential backoff, even when the activity asks for a shorter
   * delay (storage errors ask for a few seconds): the budget then spans the whole backoff
   * schedule. Default false: the activity's delay wins.
   */
  atLeastBackoff?: boolean;
}

/** Transient failures: 5 attempts over about half a minute of durable timers. */
export const defaultRetry: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
};

/** Delay before attempt `attempt + 1` (exponential, capped), unless the activity asked for one. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, askedMs?: number): number {
  const backoffMs = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  if (askedMs !== undefined && askedMs > 0) {
    const cappedMs = Math.min(askedMs, policy.maxDelayMs * 10);
    return policy.atLeastBackoff === true ? Math.max(cappedMs, backoffMs) : cappedMs;
  }
  return backoffMs;
}

/** Total wait of a policy's retries when every attempt fails and asks for no longer delay. */
export function retryBudgetMs(policy: RetryPolicy): number {
  let totalMs = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt += 1) {
    totalMs += retryDelayMs(policy, attempt);
  }
  return totalMs;
}

/**
 * A start's input check (`verifyOrchestrationInput`) while its claim storage is down: 15
 * attempts, 2 s doubling to 1 min, about 10 minutes of durable timers (which block nothing),
 * so an outage of a few minutes delays a release instead of refusing it. A verdict ("already
 * ran", "not sealed") is an answer, not a failure, and is never retried.
 */
export const verifyRetry: RetryPolicy = {
  maxAttempts: 15,
  firstDelayMs: 2_000,
  maxDelayMs: 60_000,
  atLeastBackoff: true,
};

/** Best-effort side effects (Slack, audit): one retry, so an outage delays a release little. */
export const reportRetry: RetryPolicy = { maxAttempts: 2, firstDelayMs: 2_000, maxDelayMs: 5_000 };
