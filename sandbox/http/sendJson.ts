import type { ServerResponse } from 'node:http';

/** Writes `body` as JSON (or an empty body when undefined) with `status` and `headers`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const all: Record<string, string | number> = {
    ...headers,
    'content-length': Buffer.byteLength(text),
  };
  if (body !== undefined) all['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(status, all);
  res.end(text);
}
