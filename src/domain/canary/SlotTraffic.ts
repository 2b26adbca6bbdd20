/**
 * App Service platform metrics of one slot (or of production) over a window, summed over
 * its one-minute points: what the canary is judged on. Platform metrics give the average
 * response time only (no percentiles).
 */
export interface SlotTraffic {
  /** `Requests` (Total). */
  requests: number;
  /** `Http5xx` (Total). */
  http5xx: number;
  /** `HttpResponseTime` (Average, request-weighted over the points), ms; null without requests. */
  averageResponseMs: number | null;
}
