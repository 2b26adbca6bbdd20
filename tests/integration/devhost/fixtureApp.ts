import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dev host's fixture function app folder. */
export const fixtureAppDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/devhost-app',
);

/** POSTs to the host; JSON bodies get `Content-Type: application/json`. */
export function post(
  baseUrl: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${pathAndQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
