import {
  requestBodySchemas
} from "./chunk-Y46ZRZEK.js";
import "./chunk-PZI5AQ6E.js";

// dist/src/functions/openapi/buildOpenApiDocument.js
import { z } from "zod";
var problemSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status", "detail", "instance"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "expected", "received"],
        properties: {
          field: { type: "string" },
          expected: { type: "string" },
          received: { type: "string" }
        }
      }
    }
  }
};
function buildOpenApiDocument(operations, version) {
  const schemas = { Problem: problemSchema };
  const paths = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" }
      })),
      ...(op.query ?? []).map((q) => ({ ...q, in: "query", required: false }))
    ];
    const responses = {
      [op.success.status]: {
        description: op.success.description,
        content: { [op.success.contentType ?? "application/json"]: {} }
      }
    };
    for (const [status, description] of Object.entries(op.errors ?? {})) {
      responses[status] = {
        description,
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } }
        }
      };
    }
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...parameters.length > 0 && { parameters },
      ...op.body !== void 0 && {
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: refTo(requestBodySchemas[op.body.name], schemas) }
          }
        }
      },
      ...op.rawBody !== void 0 && {
        requestBody: {
          required: true,
          description: op.rawBody.description,
          content: { [op.rawBody.contentType]: { schema: { type: "object" } } }
        }
      },
      security: securityOf(op),
      responses
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Slotpilot",
      version,
      description: "Release orchestration for Azure App Service. Errors are RFC 9457 problem+json. Every 202 carries Location and Retry-After."
    },
    servers: [{ url: "/api" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        functionKey: { type: "apiKey", in: "header", name: "x-functions-key" },
        functionKeyQuery: { type: "apiKey", in: "query", name: "code" },
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        appServiceAuth: { type: "apiKey", in: "header", name: "x-ms-client-principal" }
      }
    }
  };
}
function securityOf(op) {
  switch (op.access) {
    case "anonymous":
      return [];
    case "functionKey":
      return [{ functionKey: [] }, { functionKeyQuery: [] }];
    case "identity":
      return [
        { functionKey: [], bearer: [] },
        { functionKey: [], appServiceAuth: [] }
      ];
    default: {
      const never = op.access;
      throw new Error(`unknown access ${String(never)}`);
    }
  }
}
function refTo(schema, schemas) {
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });
  const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/'));
  const { $schema: _dialect, $defs, ...rest } = json;
  Object.assign(schemas, $defs ?? {});
  return rest;
}
export {
  buildOpenApiDocument
};
