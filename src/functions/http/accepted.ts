import type { HttpResponseInit } from '@azure/functions';

import { releaseStatusUrl } from '../durable/releaseLinks.js';
import { json } from './json.js';

/** Seconds a client should wait before it asks the status URL again. */
export const retryAfterSeconds = 10;

/**
 * The 202 of a request that started or changed release `id` (asynchronous request-reply):
 * `Location` and `Retry-After` headers, and a body with `id` and `statusQueryGetUri`, both
 * naming Slotpilot's own read-only status URL `GET /api/releases/{id}`, plus `body`. Never a
 * Durable management URL or key.
 *
 * @example accepted('https://slotpilot.contoso.com', 'pwbi-api-3f2a', { stage: 'staging' })
 */
export function accepted(
  origin: string,
  id: string,
  body: Record<string, unknown> = {},
): HttpResponseInit {
  const statusQueryGetUri = releaseStatusUrl(origin, id);
  return json(
    202,
    { ...body, id, statusQueryGetUri },
    { Location: statusQueryGetUri, 'Retry-After': String(retryAfterSeconds) },
  );
}
