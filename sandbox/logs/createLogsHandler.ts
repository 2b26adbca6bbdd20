import type { IncomingMessage, ServerResponse } from 'node:http';

import { applyFault, hang } from '../faults/applyFault.js';
import { HttpError } from '../http/HttpError.js';
import { readJson } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { TelemetryGenerator } from '../telemetry/TelemetryGenerator.js';
import { KqlError } from './kql/KqlError.js';
import type { KqlParser } from './kql/KqlParser.js';
import { runQuery } from './kql/runQuery.js';
import type { KqlDiagnostic } from './kql/SyntaxTree.js';
import { type Row, toWire } from './kql/values.js';
import { badArgument, logsError, logsFaultError } from './logsErrors.js';
import { parseTimespan } from './parseTimespan.js';
import { resolveQueryTarget } from './resolveQueryTarget.js';
import { appRequestsRow, classicRequestsRow } from './tableSchemas.js';

/** Longest query text accepted (characters). */
export const MAX_QUERY_LENGTH = 32_768;
/** Rows returned before the answer is truncated with a PartialError. */
export const MAX_RESULT_ROWS = 500_000;

/**
 * The Log Analytics query API the LogsQueryClient calls: `POST /v1/workspaces/{id}/query`,
 * `POST /v1/{resourceId}/query` with `{query, timespan?}`, and `POST /v1/$batch`. The KQL is parsed and checked by
 * Microsoft's analyzer against the target's tables, then evaluated over simulated telemetry
 * visible at the sandbox clock's now (ingestion delay applies). Errors use the service's shape.
 */
export function createLogsHandler(
  ctx: SandboxContext,
  parser: KqlParser,
  telemetry: TelemetryGenerator,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      throw logsError(401, 'AuthorizationRequiredError', 'Valid authentication was not provided');
    }
    const batch = /^\/v1\/\$batch$/i.test(url.pathname);
    const m = /^\/v1\/(.+)\/query$/i.exec(url.pathname);
    if (!batch && m?.[1] === undefined) {
      throw logsError(
        404,
        'PathNotFoundError',
        `The requested path does not exist: ${url.pathname}`,
      );
    }
    const fault = ctx.faults.take('logsQuery');
    const partialFault = fault?.kind === 'fail-lro';
    if (!partialFault && (await applyFault(fault, logsFaultError)) === 'hang') {
      hang(res);
      return;
    }
    const prefer = String(req.headers.prefer ?? '');
    if (batch) {
      const body = await readJson(
        req,
        (d) => badArgument('InvalidBody', `body: expected JSON, got invalid JSON (${d})`),
        1_048_576,
      );
      sendJson(res, 200, await runBatch(ctx, parser, telemetry, body, prefer));
      return;
    }
    const body = await readQueryBody(req, url);
    sendJson(
      res,
      200,
      await executeQuery(ctx, parser, telemetry, m?.[1] ?? '', body, prefer, partialFault),
    );
  };
}

/** Runs `$batch`: each request against its workspace; failures become that item's status and error body. */
async function runBatch(
  ctx: SandboxContext,
  parser: KqlParser,
  telemetry: TelemetryGenerator,
  body: unknown,
  prefer: string,
): Promise<object> {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) {
    throw badArgument(
      'InvalidBody',
      `requests: expected an array of batch requests, got ${JSON.stringify(requests)}`,
    );
  }
  const responses = [];
  for (const item of requests as Array<{ id?: unknown; workspace?: unknown; body?: unknown }>) {
    const id = typeof item.id === 'string' ? item.id : String(item.id);
    try {
      const q = checkQueryBody(item.body);
      const result = await executeQuery(
        ctx,
        parser,
        telemetry,
        `workspaces/${String(item.workspace)}`,
        q,
        prefer,
        false,
      );
      responses.push({ id, status: 200, body: result });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      responses.push({ id, status: err.status, body: err.body });
    }
  }
  return { responses };
}

/** Answers one query against the workspace or resource at `targetPath`; throws HttpError. */
async function executeQuery(
  ctx: SandboxContext,
  parser: KqlParser,
  telemetry: TelemetryGenerator,
  targetPath: string,
  body: { query: string; timespan?: unknown },
  prefer: string,
  partialFault: boolean,
): Promise<Record<string, unknown>> {
  const target = resolveQueryTarget(ctx.world.scenario, targetPath.replace(/^\/+/, ''));
  if (target === undefined) {
    throw logsError(
      404,
      /^workspaces\//i.test(targetPath) ? 'WorkspaceNotFoundError' : 'ResourceNotFoundError',
      `The workspace or resource '${targetPath}' could not be found.`,
    );
  }
  const now = ctx.clock.now();
  const span = parseTimespan(body.timespan, now);
  const parsed = await parser.parse(body.query, target.tables);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'Error');
  if (errors[0] !== undefined) throw diagnosticError(body.query, errors[0]);
  ctx.swaps.settle();
  const cache = new Map<string, Row[]>();
  const source = (name: string): Row[] | undefined => {
    const schema = Object.keys(target.tables).find((t) => t.toLowerCase() === name.toLowerCase());
    if (schema === undefined) return undefined;
    let rows = cache.get(schema);
    if (rows === undefined) {
      const toRow = schema === 'requests' ? classicRequestsRow : appRequestsRow;
      rows = [];
      for (const c of target.components) {
        for (const r of telemetry.records(c.name, c.resourceId, span.from, span.to))
          if (r.ingest <= now) rows.push(toRow(r));
      }
      cache.set(schema, rows);
    }
    return rows;
  };
  let table;
  try {
    table = runQuery(parsed.tree, source, now);
  } catch (err) {
    if (err instanceof KqlError) throw kqlError(err);
    throw err;
  }
  const truncated = table.rows.length > MAX_RESULT_ROWS;
  const rows = table.rows
    .slice(0, MAX_RESULT_ROWS)
    .map((r) => table.columns.map((c) => toWire(r[c.name] ?? null, c.type)));
  const response: Record<string, unknown> = {
    tables: [
      {
        name: 'PrimaryResult',
        columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
        rows,
      },
    ],
  };
  if (/include-statistics=true/i.test(prefer)) {
    response['statistics'] = {
      query: {
        executionTime: 0.01,
        resourceUsage: {},
        datasetStatistics: [{ tableRowCount: rows.length }],
      },
    };
  }
  if (truncated || partialFault) {
    response['error'] = {
      code: 'PartialError',
      message: 'There were some errors when processing your query.',
      details: [
        truncated
          ? {
              code: 'EngineError',
              message: `Query result set has exceeded the internal record count limit ${MAX_RESULT_ROWS} (E_QUERY_RESULT_SET_TOO_LARGE).`,
            }
          : {
              code: 'EngineError',
              message:
                'Some shards could not be queried (injected fault); results may be incomplete.',
            },
      ],
    };
  }
  return response;
}

async function readQueryBody(
  req: IncomingMessage,
  url: URL,
): Promise<{ query: string; timespan?: unknown }> {
  let body: unknown;
  if (req.method === 'GET') {
    body = {
      query: url.searchParams.get('query') ?? undefined,
      timespan: url.searchParams.get('timespan') ?? undefined,
    };
  } else if (req.method === 'POST') {
    body = await readJson(
      req,
      (d) => badArgument('InvalidBody', `body: expected JSON, got invalid JSON (${d})`),
      1_048_576,
    );
  } else {
    throw logsError(
      405,
      'MethodNotAllowedError',
      `The method ${req.method ?? ''} is not allowed; use POST or GET.`,
    );
  }
  return checkQueryBody(body);
}

function checkQueryBody(body: unknown): { query: string; timespan?: unknown } {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || query.trim() === '') {
    throw badArgument(
      'QueryMissing',
      `query: expected a non-empty KQL string, got ${JSON.stringify(query)}`,
    );
  }
  if (query.length > MAX_QUERY_LENGTH) {
    throw badArgument(
      'QueryTooLong',
      `query: expected at most ${MAX_QUERY_LENGTH} characters, got ${query.length}`,
    );
  }
  return { query, timespan: (body as { timespan?: unknown }).timespan };
}

function position(text: string, offset: number): { line: number; pos: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, pos: (before.at(-1) ?? '').length };
}

function diagnosticError(query: string, d: KqlDiagnostic) {
  const { line, pos } = position(query, d.start);
  const token = query.slice(d.start, d.start + d.length);
  if (d.syntax) {
    return badArgument('SyntaxError', 'A recognition error occurred in the query.', {
      code: 'SYN0002',
      message: `Query could not be parsed at '${token}' on line [${line},${pos}]: ${d.message}`,
      line,
      pos,
      token,
    });
  }
  return badArgument('SemanticError', 'A semantic error occurred.', {
    code: 'SEM0100',
    message: d.message,
    line,
    pos,
    token,
    kustoCode: d.code,
  });
}

function kqlError(err: KqlError) {
  switch (err.kind) {
    case 'SyntaxError':
      return badArgument('SyntaxError', 'A recognition error occurred in the query.', {
        code: err.detail.code ?? 'SYN0002',
        message: err.message,
      });
    case 'SemanticError':
      return badArgument('SemanticError', 'A semantic error occurred.', {
        code: err.detail.code ?? 'SEM0100',
        message: err.message,
      });
    case 'Unsupported':
      return badArgument('SemanticError', 'A semantic error occurred.', {
        code: 'SandboxUnsupported',
        message: err.message,
      });
    case 'Runtime':
      return badArgument('RuntimeError', 'A runtime error occurred.', {
        code: 'RuntimeError',
        message: err.message,
      });
    default: {
      const never: never = err.kind;
      return badArgument('Error', String(never));
    }
  }
}
