import type { SlotTraffic } from '../../domain/canary/SlotTraffic.js';
import type { SiteRef } from './SiteRef.js';

/**
 * App Service platform metrics of one site or slot resource (`Requests`, `Http5xx`,
 * `HttpResponseTime`, one-minute points) through Azure Monitor's per-resource metrics API.
 * Each slot is its own metrics resource, so a slot's figures are the traffic it served,
 * whichever host name the requests named. Read-only. Throws RetryAfterError on 429/5xx or an
 * unreachable endpoint, AzureRequestError (non-retryable) on 400/403/404, ValidationError for
 * times that are not ISO or not in order.
 */
export interface SlotMetricsPort {
  /** Sums the points of [fromIso, toIso) (whole minutes). */
  traffic(ref: SiteRef, window: { fromIso: string; toIso: string }): Promise<SlotTraffic>;
}
