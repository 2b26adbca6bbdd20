import type { ActivityDeps } from '../ActivityDeps.js';
import type { QueryRequestsInput, QueryRequestsOutput } from './contracts.js';
import { findMonitorConfig } from './findMonitorConfig.js';

/**
 * Queries production's request statistics over one window from Application Insights.
 * Read-only. Throws (RetryAfterError on 429/5xx, NonRetryableError on a rejected query);
 * a partial result is an error, never a pass.
 */
export async function queryRequests(
  deps: ActivityDeps,
  input: QueryRequestsInput,
): Promise<QueryRequestsOutput> {
  const resource = findMonitorConfig(deps.config, input.pipeline, input.stage).appInsights;
  const query = {
    resource,
    table: input.table,
    hostNames: input.hostNames,
    fromIso: input.fromIso,
    toIso: input.toIso,
  };
  const stats = await deps.metrics.requestStats(query);
  return {
    requests: stats.requests,
    failed: stats.failed,
    serverErrors: stats.serverErrors,
    ...(stats.p95Ms !== undefined && { p95Ms: stats.p95Ms }),
  };
}
