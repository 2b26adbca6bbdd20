import {
  type LogsQueryClient,
  LogsQueryResultStatus,
  type LogsTable,
} from '@azure/monitor-query-logs';

import { NonRetryableError } from '../../domain/errors.js';
import { buildRequestsQuery } from '../../domain/monitor/buildRequestsQuery.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { RequestMetricsPort, RequestStats } from '../ports/RequestMetricsPort.js';

/**
 * {@link RequestMetricsPort} over `LogsQueryClient` (@azure/monitor-query-logs). `resource` is
 * an Application Insights component resource id (`/subscriptions/…/components/…`, queried with
 * `queryResource`) or a Log Analytics workspace id (a GUID, queried with `queryWorkspace`).
 * A partial result throws NonRetryableError naming the service's error — it is never read as
 * a pass; 429/5xx throw RetryAfterError; a rejected query (400) throws AzureRequestError.
 */
export class LogsRequestMetrics implements RequestMetricsPort {
  constructor(
    private readonly logs: LogsQueryClient,
    /** Server-side query timeout; default 60 s. */
    private readonly serverTimeoutInSeconds = 60,
  ) {}

  async requestStats(query: {
    resource: string;
    table: 'AppRequests' | 'requests';
    hostNames: string[];
    fromIso: string;
    toIso: string;
  }): Promise<RequestStats> {
    const kql = buildRequestsQuery(query);
    const timespan = { startTime: new Date(query.fromIso), endTime: new Date(query.toIso) };
    const options = { serverTimeoutInSeconds: this.serverTimeoutInSeconds };
    const isResourceId = query.resource.includes('/');
    const what = `requestStats ${query.hostNames.join(',')} ${isResourceId ? 'resource' : 'workspace'}`;
    let result;
    try {
      result = isResourceId
        ? await this.logs.queryResource(query.resource.replace(/^\/+/, ''), kql, timespan, options)
        : await this.logs.queryWorkspace(query.resource, kql, timespan, options);
    } catch (err) {
      throw mapAzureError(err, what);
    }
    if (result.status !== LogsQueryResultStatus.Success) {
      const e = result.partialError;
      throw new NonRetryableError(`${what}: partial result (${e.code}): ${e.message}`);
    }
    const table = result.tables[0];
    if (table === undefined) throw new NonRetryableError(`${what}: the query returned no table`);
    return { from: query.fromIso, to: query.toIso, ...readStats(table, what) };
  }
}

function readStats(table: LogsTable, what: string): Omit<RequestStats, 'from' | 'to'> {
  const row = table.rows[0] ?? [];
  const cell = (name: string): unknown => {
    const i = table.columnDescriptors.findIndex((c) => c.name === name);
    if (i < 0) throw new NonRetryableError(`${what}: the result has no column ${name}`);
    return row[i];
  };
  const count = (name: string): number => {
    const value = cell(name);
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  };
  const requests = count('requests');
  const p95 = cell('p95Ms');
  return {
    requests,
    failed: count('failed'),
    serverErrors: count('serverErrors'),
    ...(requests > 0 && typeof p95 === 'number' && Number.isFinite(p95) ? { p95Ms: p95 } : {}),
  };
}
