import { NonRetryableError, RetryAfterError, ValidationError } from '../../domain/errors.js';

/**
 * The message a failed monitoring activity fails with. Only the message crosses the durable
 * boundary, so the retry advice travels in it as a `[slotpilot:…]` marker (the same format
 * the release activities use): `nonRetryable`, or `retryable[:afterMs]`.
 */
export function encodeMonitorFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NonRetryableError || error instanceof ValidationError) {
    return `[slotpilot:nonRetryable] ${message}`;
  }
  if (error instanceof RetryAfterError) {
    return `[slotpilot:retryable:${Math.max(0, Math.round(error.afterMs))}] ${message}`;
  }
  return `[slotpilot:retryable] ${message}`;
}
