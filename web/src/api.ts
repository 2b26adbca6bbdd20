/** The console's HTTP client: same-origin calls to the Slotpilot API with the saved connection. */
import { describeProblem, type ProblemText } from './problem.js';
import type { Connection } from './session.js';

/** An API answer: the status and the parsed JSON body (or text). */
export type ApiResult<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; problem: ProblemText };

/**
 * Calls `path` on this origin with the function key and bearer token of `connection` (and
 * the platform's session cookie, `credentials: 'same-origin'`). Never throws: a network
 * failure is a problem with status 0.
 */
export async function callApi<T>(
  connection: Connection,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (connection.functionKey !== '') headers['x-functions-key'] = connection.functionKey;
  if (connection.token !== '') headers.authorization = `Bearer ${connection.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, problem: describeProblem(0, undefined) };
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the problem's detail.
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  return { ok: false, status: response.status, problem: describeProblem(response.status, parsed) };
}
