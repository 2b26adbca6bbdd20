import { NonRetryableError } from '../../domain/errors.js';

/**
 * An Azure request the service refused for good (400, 401, 403, 404, 409, …): keeps the HTTP
 * status and the service's error code so callers can branch on them (e.g. 409 = a swap is
 * already running or a slot is stopped). It is a {@link NonRetryableError}.
 */
export class AzureRequestError extends NonRetryableError {
  constructor(
    message: string,
    /** HTTP status the service answered; 0 when none (untrusted TLS certificate). */
    readonly statusCode: number,
    /** The service's error code (ARM `error.code`, storage `x-ms-error-code`), or `''`. */
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
