import { RetryAfterError } from '../../domain/errors.js';
import { AzureRequestError } from './AzureRequestError.js';
import { DEFAULT_RETRY_AFTER_MS, retryAfterMs } from './retryAfterMs.js';

/** The parts of an SDK RestError this mapping reads (duck-typed across SDK generations). */
interface RestErrorLike {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  details?: { errorCode?: string };
  response?: { headers: { get(name: string): string | undefined | null } };
}

/** Node's TLS verification failures: a configuration problem that retrying never fixes. */
const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function isRestErrorLike(err: unknown): err is RestErrorLike {
  return err instanceof Error && err.name === 'RestError';
}

/**
 * Turns an Azure SDK failure into an error that says how to retry:
 * - 429, 503 → RetryAfterError with the server's Retry-After delay;
 * - 408, 409 "operation in progress", other 5xx but 501/505, requests that timed out
 *   (AbortError), and failures to reach the service → RetryAfterError (default delay);
 * - any other status (400, 401, 403, 404, 409, 412, …) → {@link AzureRequestError} (non-retryable)
 *   carrying the status, the service's code and its message;
 * - an untrusted TLS certificate → AzureRequestError with status 0 (a configuration problem).
 * Anything else is returned unchanged. `operation` names the call and its
 * target for humans (never a secret), e.g. `getSlot pwbi-prod/pwbi-api-prod/staging`.
 */
export function mapAzureError(
  err: unknown,
  operation: string,
  nowMs: number = Date.now(),
): unknown {
  // Slotpilot passes no abort signals to SDK calls: an abort is the client's request timeout.
  if (err instanceof Error && err.name === 'AbortError') {
    return new RetryAfterError(
      `${operation}: no answer within the request timeout`,
      DEFAULT_RETRY_AFTER_MS,
      { cause: err },
    );
  }
  if (!isRestErrorLike(err)) return err;
  const status = err.statusCode;
  const code = err.details?.errorCode ?? err.code ?? '';
  if (status === undefined && TLS_TRUST_CODES.has(err.code ?? '')) {
    return new AzureRequestError(
      `${operation}: the service's TLS certificate is not trusted (${err.code}): ${err.message}. ` +
        'In sandbox mode set SLOTPILOT_CA_CERT to the sandbox CA.',
      0,
      err.code ?? '',
      { cause: err },
    );
  }
  if (status === undefined) {
    return new RetryAfterError(
      `${operation}: the service could not be reached (${err.code ?? 'network error'}): ${err.message}`,
      DEFAULT_RETRY_AFTER_MS,
      { cause: err },
    );
  }
  if (status === 429 || status === 503) {
    const headers = err.response?.headers;
    const after = retryAfterMs((name) => headers?.get(name), nowMs);
    return new RetryAfterError(
      `${operation}: ${status} ${code} (retry after ${after} ms): ${err.message}`,
      after,
      { cause: err },
    );
  }
  // ARM answers 409 while another operation (a swap, a restart) runs on the site: transient.
  const busy = status === 409 && /operation (is )?in progress/i.test(err.message);
  if (busy || status === 408 || (status >= 500 && status !== 501 && status !== 505)) {
    return new RetryAfterError(
      `${operation}: ${status} ${code}: ${err.message}`,
      DEFAULT_RETRY_AFTER_MS,
      {
        cause: err,
      },
    );
  }
  return new AzureRequestError(`${operation}: ${status} ${code}: ${err.message}`, status, code, {
    cause: err,
  });
}
