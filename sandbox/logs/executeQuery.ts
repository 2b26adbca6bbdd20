import type { SandboxContext } from '../SandboxContext.js';
import type { TelemetryGenerator } from '../telemetry/TelemetryGenerator.js';
import { KqlError } from './kql/KqlError.js';
import type { KqlParser } from './kql/KqlParser.js';
import { runQuery } from './kql/runQuery.js';
import { type Row, toWire } from './kql/values.js';
import { logsError } from './logsErrors.js';
import { parseTimespan } from './parseTimespan.js';
import { diagnosticError, kqlError } from './queryErrors.js';
import { resolveQueryTarget } from './resolveQueryTarget.js';
import { appRequestsRow, classicRequestsRow } from './tableSchemas.js';

/** Rows returned before the answer is truncated with a PartialError. */
export const MAX_RESULT_ROWS = 500_000;

/** Answers one query against the workspace or resource at `targetPath`; throws HttpError. */
export async function executeQuery(
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
