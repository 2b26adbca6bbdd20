import type { IncomingMessage, ServerResponse } from 'node:http';

import { applyFault, hang } from '../faults/applyFault.js';
import { HttpError } from '../http/HttpError.js';
import { readJson } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { TelemetryGenerator } from '../telemetry/TelemetryGenerator.js';
import { executeQuery } from './executeQuery.js';
import type { KqlParser } from './kql/KqlParser.js';
import { badArgument, logsError, logsFaultError } from './logsErrors.js';

/** Longest query text accepted (characters). */
export const MAX_QUERY_LENGTH = 32_768;

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
