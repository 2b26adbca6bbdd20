import type { HttpResponseInit } from '@azure/functions';

import { json } from '../http/json.js';
import { apiOperations } from './apiOperations.js';
import type { OpenApiDocument } from './buildOpenApiDocument.js';

/**
 * `GET /api/openapi.json` (anonymous, like `/api/health`): the OpenAPI 3.1 document of the
 * HTTP API. Built on the first request (its builder and zod load then), not at startup, so it
 * adds nothing to a cold start.
 */
export function openApiHandler(version: string): () => Promise<HttpResponseInit> {
  let document: OpenApiDocument | undefined;
  return async () => {
    const { buildOpenApiDocument } = await import('./buildOpenApiDocument.js');
    document ??= buildOpenApiDocument(apiOperations, version);
    return json(200, document, { 'Cache-Control': 'public, max-age=300' });
  };
}
