import type { HttpResponseInit } from '@azure/functions';

/** A JSON response with the given status and optional headers. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json', ...headers } };
}
