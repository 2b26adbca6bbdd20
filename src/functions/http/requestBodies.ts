import type { z } from 'zod';

import type { requestBodySchemas } from './requestBodySchemas.js';

/** The zod schema of every request body, by name (see `requestBodySchemas`). */
export type RequestBodySchemas = typeof requestBodySchemas;

/** The name of one of the API's request bodies, e.g. `'approve'`. */
export type RequestBodyName = keyof RequestBodySchemas;

/**
 * One request body of the HTTP API, by name. Its zod schema, and zod itself, load on the first
 * `schema()` call instead of at cold start (issue 14); later calls return the same schema.
 */
export interface RequestBody<S extends z.ZodType = z.ZodType> {
  readonly name: RequestBodyName;
  schema(): Promise<S>;
}

function requestBody<K extends RequestBodyName>(name: K): RequestBody<RequestBodySchemas[K]> {
  return {
    name,
    schema: async () => (await import('./requestBodySchemas.js')).requestBodySchemas[name],
  };
}

/**
 * The request bodies of the HTTP API (schemas in `requestBodySchemas`). Triggers validate with
 * them (`readBody`) and the OpenAPI document is generated from the same schemas.
 * @example await readBody(() => request.text(), requestBodies.approve)
 */
export const requestBodies: {
  readonly [K in RequestBodyName]: RequestBody<RequestBodySchemas[K]>;
} = {
  startRelease: requestBody('startRelease'),
  approve: requestBody('approve'),
  reject: requestBody('reject'),
  promote: requestBody('promote'),
  reason: requestBody('reason'),
  hookCallback: requestBody('hookCallback'),
};
