/** How an orchestrator retries a failed activity (retryable failures only). */
export interface RetryPolicy {
  maxAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Transient failures: 5 attempts over about half a minute of durable timers. */
export const defaultRetry: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
};

/** Delay before attempt `attempt + 1` (exponential, capped), unless the activity asked for one. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, askedMs?: number): number {
  if (askedMs !== undefined && askedMs > 0) return Math.min(askedMs, policy.maxDelayMs * 10);
  return Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/** Best-effort side effects (Slack, audit): one retry, so an outage delays a release little. */
export const reportRetry: RetryPolicy = { maxAttempts: 2, firstDelayMs: 2_000, maxDelayMs: 5_000 };
