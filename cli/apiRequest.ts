import { CliError, exitCodes } from './CliError.js';
import type { Target } from './resolveTarget.js';

/** One call of the Slotpilot HTTP API. */
export interface ApiCall {
  method: 'GET' | 'POST';
  /** Path under the origin, e.g. `/api/releases`. */
  path: string;
  body?: unknown;
  /** Bearer token for calls that need an identity. */
  token?: string;
}

/**
 * Calls the API and returns the parsed JSON body of a 2xx answer. A problem answer becomes a
 * CliError carrying its `detail` (the API's own wording); an unreachable host says so.
 */
export async function apiRequest<T>(target: Target, call: ApiCall): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.functionKey) headers['x-functions-key'] = target.functionKey;
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${target.url}${call.path}`, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
  } catch (error) {
    throw new CliError(
      `Cannot reach Slotpilot at ${target.url}: ${(error as Error).message}`,
      exitCodes.unreachable,
    );
  }
  const text = await response.text();
  const body: unknown = text === '' ? undefined : safeJson(text);
  if (response.ok) return body as T;
  throw new CliError(describeProblem(response.status, body, text), exitCodes.refused);
}

function describeProblem(status: number, body: unknown, text: string): string {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as {
    title?: unknown;
    detail?: unknown;
  };
  const title = typeof problem.title === 'string' ? problem.title : 'HTTP error';
  const detail = typeof problem.detail === 'string' ? problem.detail : text.slice(0, 300);
  return `${status} ${title}: ${detail}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
