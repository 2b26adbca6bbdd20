import { HttpError } from '../http/HttpError.js';

/** A Log Analytics error response: `{error:{message, code, correlationId, innererror?}}`. */
export function logsError(
  status: number,
  code: string,
  message: string,
  innererror?: object,
  headers: Record<string, string> = {},
): HttpError {
  const body = {
    error: {
      message,
      code,
      correlationId: crypto.randomUUID(),
      ...(innererror === undefined ? {} : { innererror }),
    },
  };
  return new HttpError(status, code, message, headers, body);
}

/** 400 BadArgumentError for an invalid request or query, with the inner error detail. */
export function badArgument(innerCode: string, innerMessage: string, detail?: object): HttpError {
  return logsError(400, 'BadArgumentError', 'The request had some invalid properties', {
    code: innerCode,
    message: innerMessage,
    ...(detail === undefined ? {} : { innererror: detail }),
  });
}

/** Builds a Log Analytics-shaped error for injected faults. */
export function logsFaultError(
  status: number,
  _code: string,
  message: string,
  headers: Record<string, string>,
): HttpError {
  const la =
    status === 429
      ? 'ThrottledError'
      : status === 503
        ? 'ServiceUnavailableError'
        : 'InternalServerError';
  return logsError(status, la, message, undefined, headers);
}
