import { z } from 'zod';

import { requestBodySchemas } from '../http/requestBodySchemas.js';
import type { ApiOperation } from './apiOperations.js';

/** An OpenAPI 3.1 document (the parts Slotpilot writes). */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'expected', 'received'],
        properties: {
          field: { type: 'string' },
          expected: { type: 'string' },
          received: { type: 'string' },
        },
      },
    },
  },
};

/**
 * Builds the OpenAPI 3.1 document of `operations`. Request bodies are the JSON Schemas
 * (draft 2020-12, OpenAPI 3.1's dialect) of the zod schemas the triggers validate with, as
 * components named by their `id` meta.
 */
export function buildOpenApiDocument(
  operations: readonly ApiOperation[],
  version: string,
): OpenApiDocument {
  const schemas: Record<string, unknown> = { Problem: problemSchema };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationOf(op, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Slotpilot',
      version,
      description:
        'Release orchestration for Azure App Service. Errors are RFC 9457 problem+json. Every 202 carries Location and Retry-After.',
    },
    servers: [{ url: '/api' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        functionKey: { type: 'apiKey', in: 'header', name: 'x-functions-key' },
        functionKeyQuery: { type: 'apiKey', in: 'query', name: 'code' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        appServiceAuth: { type: 'apiKey', in: 'header', name: 'x-ms-client-principal' },
      },
    },
  };
}

/** One operation object; its request body schemas are added to `schemas`. */
function operationOf(op: ApiOperation, schemas: Record<string, unknown>): Record<string, unknown> {
  const parameters = parametersOf(op);
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(parameters.length > 0 && { parameters }),
    ...(op.body !== undefined && {
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: refTo(requestBodySchemas[op.body.name], schemas) },
        },
      },
    }),
    ...(op.rawBody !== undefined && {
      requestBody: {
        required: true,
        description: op.rawBody.description,
        content: { [op.rawBody.contentType]: { schema: { type: 'object' } } },
      },
    }),
    security: securityOf(op),
    responses: responsesOf(op),
  };
}

/** The `{name}` segments of the path, then the optional query parameters. */
function parametersOf(op: ApiOperation): Record<string, unknown>[] {
  return [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(op.query ?? []).map((q) => ({ ...q, in: 'query', required: false })),
  ];
}

/** The success answer, then each error as a problem+json. */
function responsesOf(op: ApiOperation): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    [op.success.status]: {
      description: op.success.description,
      content: { [op.success.contentType ?? 'application/json']: {} },
    },
  };
  for (const [status, description] of Object.entries(op.errors ?? {})) {
    responses[status] = {
      description,
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
      },
    };
  }
  return responses;
}

function securityOf(op: ApiOperation): Record<string, string[]>[] {
  switch (op.access) {
    case 'anonymous':
      return [];
    case 'functionKey':
      return [{ functionKey: [] }, { functionKeyQuery: [] }];
    case 'identity':
      return [
        { functionKey: [], bearer: [] },
        { functionKey: [], appServiceAuth: [] },
      ];
    default: {
      const never: never = op.access;
      throw new Error(`unknown access ${String(never)}`);
    }
  }
}

/** Adds the schema (and anything it references) to `schemas` and returns a `$ref` to it. */
function refTo(schema: z.ZodType, schemas: Record<string, unknown>): unknown {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  // zod names components `#/$defs/<id>`; OpenAPI keeps them under components.schemas.
  const json = JSON.parse(
    JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as { $defs?: Record<string, unknown>; $schema?: string };
  const { $schema: _dialect, $defs, ...rest } = json;
  Object.assign(schemas, $defs ?? {});
  return rest;
}
