import { encodeActivityFailure } from '../../domain/release/index.js';

/**
 * The message a failed monitoring activity fails with. Only the message crosses the durable
 * boundary, so the retry advice travels in it as a `[slotpilot:…]` marker: `nonRetryable`, or
 * `retryable[:afterMs]`. It is the release activities' encoding ({@link encodeActivityFailure}),
 * so one decoder reads both.
 */
export function encodeMonitorFailure(error: unknown): string {
  return encodeActivityFailure(error);
}
