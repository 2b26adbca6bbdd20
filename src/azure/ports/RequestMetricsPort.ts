/** Request statistics for a production site over one window. */
export interface RequestStats {
  /** Window the query covered (ISO). */
  from: string;
  to: string;
  /** Requests in the window, weighted by ItemCount (sampling). */
  requests: number;
  failed: number;
  serverErrors: number;
  /** 95th percentile duration in ms; undefined when there were no requests. */
  p95Ms?: number;
}

/** Application Insights requests through @azure/monitor-query-logs (Logs query API). Read-only. */
export interface RequestMetricsPort {
  /**
   * Queries request stats for the given host names over [fromIso, toIso). `resource` is an
   * Application Insights component resource id (`/subscriptions/…/components/…`) or a Log
   * Analytics workspace id (GUID; `AppRequests` only). Throws RetryAfterError on 429/5xx,
   * NonRetryableError on rejected queries (400, 404) and on a partial result — never a pass;
   * ValidationError for host names that are not DNS names or times that are not ISO.
   */
  requestStats(query: {
    resource: string;
    table: 'AppRequests' | 'requests';
    hostNames: string[];
    fromIso: string;
    toIso: string;
  }): Promise<RequestStats>;
}
