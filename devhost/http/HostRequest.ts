import type { IncomingMessage, ServerResponse } from 'node:http';

/** One incoming request as the dev host's handlers see it: parsed URL, raw body, loopback flag. */
export interface HostRequest {
  raw: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  body: Buffer;
  header(name: string): string | undefined;
}

/** A handler's answer; `body` strings and buffers are sent as is, other values as JSON. */
export interface HostResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: unknown;
}

/** Writes a HostResponse. JSON bodies get `application/json; charset=utf-8`. */
export function sendResponse(res: ServerResponse, r: HostResponse): void {
  const headers: Record<string, string | string[]> = { ...(r.headers ?? {}) };
  let payload: Buffer | undefined;
  if (r.body === undefined || r.body === null) payload = undefined;
  else if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (r.body instanceof Uint8Array) payload = Buffer.from(r.body);
  else if (typeof r.body === 'string') payload = Buffer.from(r.body);
  else {
    payload = Buffer.from(JSON.stringify(r.body));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
  }
  headers['Content-Length'] = String(payload?.length ?? 0);
  res.writeHead(r.status, headers);
  res.end(payload);
}
