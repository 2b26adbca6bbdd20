import { ConfigError } from '../../domain/config/ConfigError.js';
import { NonRetryableError, RetryAfterError, ValidationError } from '../../domain/errors.js';
import { ApiError } from './ApiError.js';
import type { Problem, ProblemResponse } from './Problem.js';

const contentType = 'application/problem+json';

/**
 * THE mapping from errors to HTTP problem responses (RFC 9457), used by every HTTP trigger:
 * ValidationError → 400 with `errors:[{field, expected, received}]`; ApiError → its status;
 * RetryAfterError → 503 with `Retry-After`; ConfigError (a bad pipeline config, read on first
 * use) → 503 with every config problem in `errors`; NonRetryableError (an upstream refusal) → 502;
 * anything else → 500 without internals. `instance` is the request path. Pure.
 */
export function toProblem(error: unknown, instance: string): ProblemResponse {
  if (error instanceof ValidationError) return respond(badRequest(error, instance));
  if (error instanceof ApiError) return respond(apiProblem(error, instance));
  if (error instanceof RetryAfterError) return retryLater(error, instance);
  if (error instanceof ConfigError) return respond(badConfig(error, instance));
  if (error instanceof NonRetryableError) return respond(upstreamRefusal(error, instance));
  return respond(internalError(instance));
}

function badRequest(error: ValidationError, instance: string): Problem {
  return {
    type: 'urn:slotpilot:problem:bad-request',
    title: 'Bad Request',
    status: 400,
    detail: error.message,
    instance,
    errors: [{ field: error.field, expected: error.expected, received: error.received }],
  };
}

function apiProblem(error: ApiError, instance: string): Problem {
  return {
    ...error.extensions,
    type: `urn:slotpilot:problem:${kebab(error.title)}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance,
  };
}

/** 503 with `Retry-After` in whole seconds (at least 1). */
function retryLater(error: RetryAfterError, instance: string): ProblemResponse {
  const seconds = Math.max(1, Math.ceil(error.afterMs / 1000));
  return respond(
    {
      type: 'urn:slotpilot:problem:unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: `${error.message}; retry after ${seconds}s`,
      instance,
    },
    { 'Retry-After': String(seconds) },
  );
}

function badConfig(error: ConfigError, instance: string): Problem {
  return {
    type: 'urn:slotpilot:problem:config',
    title: 'Service Unavailable',
    status: 503,
    detail: error.message,
    instance,
    errors: error.issues.map((i) => ({
      field: i.path,
      expected: i.expected,
      received: i.received,
    })),
  };
}

function upstreamRefusal(error: NonRetryableError, instance: string): Problem {
  return {
    type: 'urn:slotpilot:problem:upstream',
    title: 'Bad Gateway',
    status: 502,
    detail: error.message,
    instance,
  };
}

/** 500 without internals: the function log has the cause. */
function internalError(instance: string): Problem {
  return {
    type: 'urn:slotpilot:problem:internal',
    title: 'Internal Server Error',
    status: 500,
    detail: 'Slotpilot failed to handle the request; the function log has the cause.',
    instance,
  };
}

function respond(problem: Problem, headers: Record<string, string> = {}): ProblemResponse {
  return {
    status: problem.status,
    headers: { 'Content-Type': contentType, ...headers },
    jsonBody: problem,
  };
}

function kebab(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
