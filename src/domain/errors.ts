/**
 * Errors that say how to react to them. Activities throw these; triggers map them to
 * RFC 9457 problem responses in one place.
 */

/** Bad input: names the field, what was expected and what arrived. Never worth retrying. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: string,
    options?: ErrorOptions,
  ) {
    super(`${field}: expected ${expected}, got ${received}`, options);
  }
}

/** A failure that the same call will hit again; retrying is pointless. */
export class NonRetryableError extends Error {
  override readonly name = 'NonRetryableError';
}

/** A transient failure; the caller may retry after `afterMs` milliseconds. */
export class RetryAfterError extends Error {
  override readonly name = 'RetryAfterError';

  constructor(
    message: string,
    readonly afterMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
