import { NonRetryableError, RetryAfterError, ValidationError } from '../errors.js';
import { clipFreeText } from '../text/freeText.js';

/** How an orchestrator should treat a failed activity. */
export interface ActivityFailure {
  /** `retryable` unless the activity said the same call will fail again. */
  kind: 'retryable' | 'nonRetryable';
  /** The delay the activity asked for (RetryAfterError), if any. */
  retryAfterMs?: number;
  /** The activity's own message, without the host's wrapping. */
  message: string;
}

const marker = /\[slotpilot:(retryable|nonRetryable)(?::(\d+))?\] ([\s\S]*?)(?: \n |$)/;

/**
 * Turns an error thrown by an activity into the message it fails with. Only an activity's
 * message crosses the durable boundary, so the retry advice travels inside it as a marker
 * that {@link decodeActivityFailure} reads back in the orchestrator.
 */
export function encodeActivityFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NonRetryableError || error instanceof ValidationError) {
    return `[slotpilot:nonRetryable] ${message}`;
  }
  if (error instanceof RetryAfterError) {
    return `[slotpilot:retryable:${Math.max(0, Math.round(error.afterMs))}] ${message}`;
  }
  return `[slotpilot:retryable] ${message}`;
}

/**
 * Reads the retry advice and the plain message (its first line only) out of the error an
 * orchestrator sees when an activity failed (`Activity function 'x' failed: <message> \n
 * <details>`; on Azure the message itself may go on with `\nStack: …`). Errors
 * without a marker (the host failed to run the activity at all) are retryable.
 */
export function decodeActivityFailure(error: unknown): ActivityFailure {
  const text = error instanceof Error ? error.message : String(error);
  const match = marker.exec(text);
  if (match === null) {
    const plain = text.split(' \n ')[0] ?? text;
    return {
      kind: 'retryable',
      message: firstLine(
        (/\nException: (.*)/.exec(plain)?.[1] ?? plain).replace(
          /^Activity function '[^']*' failed:\s*/,
          '',
        ),
      ),
    };
  }
  const [, kind, after, message] = match;
  return {
    kind: kind === 'nonRetryable' ? 'nonRetryable' : 'retryable',
    ...(after === undefined ? {} : { retryAfterMs: Number(after) }),
    message: firstLine(message ?? ''),
  };
}

/**
 * The first line of a failure message: the real host appends the exception's stack (and the
 * SDK its details) on later lines, which must not reach status, Slack or the audit trail.
 */
export function firstLine(message: string): string {
  return clipFreeText(message.split(/\r?\n/, 1)[0] ?? '', maxFailureLineLength);
}

/** Longest failure line kept (a hook's or an SDK's message can be kilobytes on one line). */
export const maxFailureLineLength = 500;
