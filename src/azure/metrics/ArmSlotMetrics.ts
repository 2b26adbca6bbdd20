import type { MonitorClient } from '@azure/arm-monitor';

import type { SlotTraffic } from '../../domain/canary/SlotTraffic.js';
import { ValidationError } from '../../domain/errors.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { SiteRef } from '../ports/SiteRef.js';
import type { SlotMetricsPort } from '../ports/SlotMetricsPort.js';

/** What the adapter needs from the client factory: the metrics client of a subscription. */
export interface SlotMetricsClients {
  /** Loads @azure/arm-monitor on first use (cold start: only canaries need it). */
  monitor(subscriptionId: string): Promise<MonitorClient>;
}

/**
 * {@link SlotMetricsPort} over @azure/arm-monitor `metrics.list`: `GET {resource
 * id}/providers/Microsoft.Insights/metrics?metricnames=Requests,Http5xx,HttpResponseTime&
 * aggregation=Total,Average&interval=PT1M` on the site or slot resource (namespace
 * `Microsoft.Web/sites` or `Microsoft.Web/sites/slots`). Metrics are matched by `name.value`
 * (the service may localise `localizedValue`). `HttpResponseTime` is in seconds; its minute
 * averages are weighted by that minute's `Requests`.
 */
export class ArmSlotMetrics implements SlotMetricsPort {
  constructor(private readonly clients: SlotMetricsClients) {}

  async traffic(ref: SiteRef, window: { fromIso: string; toIso: string }): Promise<SlotTraffic> {
    const from = Date.parse(window.fromIso);
    const to = Date.parse(window.toIso);
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
      throw new ValidationError(
        'window',
        'ISO times with fromIso before toIso',
        `${window.fromIso} .. ${window.toIso}`,
      );
    }
    const slot = ref.slot !== undefined && ref.slot.toLowerCase() !== 'production';
    const resourceId = `subscriptions/${ref.subscription}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Web/sites/${ref.site}${slot ? `/slots/${ref.slot ?? ''}` : ''}`;
    let response;
    try {
      const client = await this.clients.monitor(ref.subscription);
      response = await client.metrics.list(resourceId, {
        timespan: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
        interval: 'PT1M',
        metricnames: 'Requests,Http5xx,HttpResponseTime',
        aggregation: 'Total,Average',
        metricnamespace: slot ? 'Microsoft.Web/sites/slots' : 'Microsoft.Web/sites',
      });
    } catch (err) {
      throw mapAzureError(err, `metrics ${ref.resourceGroup}/${ref.site}/${ref.slot ?? ''}`);
    }
    const points = (name: string): Array<{ at: number; total?: number; average?: number }> => {
      const metric = response.value.find((m) => m.name.value.toLowerCase() === name.toLowerCase());
      return (metric?.timeseries ?? []).flatMap((series) =>
        (series.data ?? [])
          .map((p) => ({
            at: p.timeStamp.getTime(),
            ...(p.total !== undefined && { total: p.total }),
            ...(p.average !== undefined && { average: p.average }),
          }))
          .filter((p) => p.at >= from && p.at < to),
      );
    };
    const requestsAt = new Map<number, number>();
    for (const p of points('Requests'))
      requestsAt.set(p.at, (requestsAt.get(p.at) ?? 0) + (p.total ?? 0));
    const requests = [...requestsAt.values()].reduce((a, b) => a + b, 0);
    const http5xx = points('Http5xx').reduce((a, p) => a + (p.total ?? 0), 0);
    let weighted = 0;
    let weight = 0;
    for (const p of points('HttpResponseTime')) {
      const n = requestsAt.get(p.at) ?? 0;
      if (p.average === undefined || n === 0) continue;
      weighted += p.average * 1000 * n;
      weight += n;
    }
    return {
      requests,
      http5xx,
      averageResponseMs: weight === 0 ? null : Math.round((weighted / weight) * 1000) / 1000,
    };
  }
}
