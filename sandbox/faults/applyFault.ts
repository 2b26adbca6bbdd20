import type { ServerResponse } from 'node:http';

import { HttpError } from '../http/HttpError.js';
import type { FaultSpec } from '../scenario/Scenario.js';

/** What the handler should do after a fault was applied. */
export type FaultEffect = 'continue' | 'hang';

/**
 * Applies a fault to a request: throws the HTTP error for 429/500/503 (429 and 503 carry
 * `Retry-After`), waits `delayMs` real milliseconds for `slow`, and reports `hang` so the
 * caller never answers. `shape` builds the error body of the API at hand.
 */
export async function applyFault(
  fault: FaultSpec | undefined,
  shape: (
    status: number,
    code: string,
    message: string,
    headers: Record<string, string>,
  ) => HttpError,
): Promise<FaultEffect> {
  if (fault === undefined) return 'continue';
  const retryAfter = { 'retry-after': String(fault.retryAfterSeconds ?? 1) };
  switch (fault.kind) {
    case '429':
      throw shape(
        429,
        'TooManyRequests',
        'The request was throttled (injected fault). Retry after the delay in Retry-After.',
        retryAfter,
      );
    case '500':
      throw shape(
        500,
        'InternalServerError',
        'An internal server error occurred (injected fault).',
        {},
      );
    case '503':
      throw shape(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable (injected fault).',
        retryAfter,
      );
    case 'slow':
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
      return 'continue';
    case 'hang':
      return 'hang';
    case 'fail-lro':
      throw shape(500, 'InternalServerError', 'The operation failed (injected fault).', {});
    default: {
      const never: never = fault.kind;
      throw new Error(`fault kind: unexpected ${String(never)}`);
    }
  }
}

/** Builds an ARM-shaped error for {@link applyFault}. */
export function armFaultError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): HttpError {
  return new HttpError(
    status,
    status === 429 ? 'SubscriptionRequestsThrottled' : code,
    message,
    headers,
  );
}

/** Keeps a hung request open until the client gives up or the sandbox stops. */
export function hang(res: ServerResponse): void {
  res.socket?.setTimeout(0);
}
