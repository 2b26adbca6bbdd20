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
   * Queries request stats for the given host names over [fromIso, toIso). Throws
   * RetryAfterError on 429/5xx and NonRetryableError on rejected queries; a partial result
   * is reported as an error, never as a pass.
   */
  requestStats(query: {
    resource: string;
    table: 'AppRequests' | 'requests';
    hostNames: string[];
    fromIso: string;
    toIso: string;
  }): Promise<RequestStats>;
}
