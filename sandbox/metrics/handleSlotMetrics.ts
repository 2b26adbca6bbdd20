import type { ServerResponse } from 'node:http';

import { slotResourceId } from '../arm/armPaths.js';
import { HttpError } from '../http/HttpError.js';
import { sendJson } from '../http/sendJson.js';
import type { SiteModel, SlotModel } from '../model/SlotModel.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { RequestRecord } from '../telemetry/RequestRecord.js';
import type { TelemetryGenerator } from '../telemetry/TelemetryGenerator.js';

/** api-versions of `microsoft.insights/metrics` the sandbox answers (the SDK's is 2024-02-01). */
const API_VERSIONS = ['2024-02-01', '2023-10-01', '2021-05-01', '2019-07-01', '2018-01-01'];
const MINUTE = 60_000;

type Aggregation = 'total' | 'average' | 'count' | 'minimum' | 'maximum';

interface MetricDef {
  name: string;
  unit: string;
  primary: Aggregation;
  description: string;
  /** One point's value for the requests of one minute (undefined: no value, as Azure omits). */
  point(records: RequestRecord[], agg: Aggregation): number | undefined;
}

const countOf =
  (keep: (r: RequestRecord) => boolean) =>
  (records: RequestRecord[], agg: Aggregation): number | undefined => {
    const n = records.filter(keep).length;
    if (agg === 'average' || agg === 'minimum' || agg === 'maximum')
      return records.length === 0 ? undefined : n;
    return n;
  };

/** The App Service metrics of `Microsoft.Web/sites` and `Microsoft.Web/sites/slots` served here. */
const METRICS: MetricDef[] = [
  {
    name: 'Requests',
    unit: 'Count',
    primary: 'total',
    description: 'The total number of requests regardless of their resulting HTTP status code.',
    point: countOf(() => true),
  },
  {
    name: 'Http2xx',
    unit: 'Count',
    primary: 'total',
    description: 'The count of requests resulting in an HTTP status code >= 200 but < 300.',
    point: countOf((r) => r.resultCode.startsWith('2')),
  },
  {
    name: 'Http4xx',
    unit: 'Count',
    primary: 'total',
    description: 'The count of requests resulting in an HTTP status code >= 400 but < 500.',
    point: countOf((r) => r.resultCode.startsWith('4')),
  },
  {
    name: 'Http5xx',
    unit: 'Count',
    primary: 'total',
    description: 'The count of requests resulting in an HTTP status code >= 500 but < 600.',
    point: countOf((r) => r.resultCode.startsWith('5')),
  },
  {
    name: 'HttpResponseTime',
    unit: 'Seconds',
    primary: 'average',
    description: 'The time taken for the app to serve requests, in seconds.',
    point: (records, agg) => {
      if (records.length === 0) return agg === 'count' || agg === 'total' ? 0 : undefined;
      const seconds = records.map((r) => r.durationMs / 1000);
      switch (agg) {
        case 'count':
          return seconds.length;
        case 'total':
          return seconds.reduce((a, b) => a + b, 0);
        case 'minimum':
          return Math.min(...seconds);
        case 'maximum':
          return Math.max(...seconds);
        case 'average':
          return seconds.reduce((a, b) => a + b, 0) / seconds.length;
      }
    },
  },
];

/**
 * `GET {site or slot resource id}/providers/Microsoft.Insights/metrics` (Azure Monitor's
 * per-resource metrics API, what `@azure/arm-monitor` `metrics.list` calls): one-minute points
 * of `Requests`, `Http2xx`, `Http4xx`, `Http5xx` and `HttpResponseTime` of that slot alone,
 * counted from the requests the slot served (production traffic a routing rule sent to it
 * included; traffic production kept excluded). Query: `timespan` (`start/end`, default the
 * last hour), `interval` (`PT1M` or `FULL`), `metricnames`, `aggregation`, `metricnamespace`.
 * Errors in the Monitor shape `{code, message}`.
 */
export function handleSlotMetrics(
  ctx: SandboxContext,
  telemetry: TelemetryGenerator,
  res: ServerResponse,
  url: URL,
  site: SiteModel,
  slot: SlotModel,
): void {
  const q = url.searchParams;
  const apiVersion = q.get('api-version');
  if (apiVersion === null || !API_VERSIONS.includes(apiVersion)) {
    throw monitorError(
      400,
      'InvalidApiVersion',
      `The api-version '${apiVersion ?? ''}' is invalid. The supported versions are '${API_VERSIONS.join(',')}'.`,
    );
  }
  const type = slot === site.production ? 'sites' : 'sites/slots';
  const namespace = q.get('metricnamespace');
  if (namespace !== null && namespace.toLowerCase() !== `microsoft.web/${type}`) {
    throw monitorError(
      400,
      'BadRequest',
      `Metric namespace '${namespace}' is not valid for resource type 'Microsoft.Web/${type}'.`,
    );
  }
  const names = (q.get('metricnames') ?? 'Requests').split(',').map((n) => n.trim());
  const defs = names.map((n) => {
    const def = METRICS.find((m) => m.name.toLowerCase() === n.toLowerCase());
    if (def === undefined) {
      throw monitorError(
        400,
        'BadRequest',
        `Failed to find metric configuration for provider: Microsoft.Web, resource Type: ${type}, metric: ${n}, Valid metrics: ${METRICS.map((m) => m.name).join(',')}`,
      );
    }
    return def;
  });
  const aggs = (q.get('aggregation') ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
  for (const a of aggs) {
    if (!['total', 'average', 'count', 'minimum', 'maximum'].includes(a))
      throw monitorError(400, 'BadRequest', `Invalid aggregation type '${a}'.`);
  }
  const now = ctx.clock.now();
  const [fromMs, toMs] = parseTimespan(q.get('timespan'), now);
  const interval = (q.get('interval') ?? 'PT1M').toUpperCase();
  if (interval !== 'PT1M' && interval !== 'FULL') {
    throw monitorError(
      400,
      'BadRequest',
      `interval: the sandbox serves PT1M and FULL, got '${interval}'.`,
    );
  }
  const start = Math.floor(fromMs / MINUTE) * MINUTE;
  const served = telemetry.servedBy(site, slot, start, toMs);
  const buckets: Array<{ at: number; records: RequestRecord[] }> = [];
  if (interval === 'FULL') buckets.push({ at: start, records: served });
  else {
    for (let at = start; at < toMs; at += MINUTE) buckets.push({ at, records: [] });
    for (const r of served) buckets[Math.floor((r.t - start) / MINUTE)]?.records.push(r);
  }
  const resourceId = slotResourceId(ctx.world.scenario.subscriptionId, slot);
  sendJson(res, 200, {
    cost: buckets.length * defs.length,
    timespan: `${iso(fromMs)}/${iso(toMs)}`,
    interval,
    value: defs.map((def) => {
      const wanted: Aggregation[] = aggs.length > 0 ? (aggs as Aggregation[]) : [def.primary];
      return {
        id: `${resourceId}/providers/Microsoft.Insights/metrics/${def.name}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: def.name, localizedValue: def.name },
        displayDescription: def.description,
        unit: def.unit,
        timeseries: [
          {
            metadatavalues: [],
            data: buckets.map((b) => {
              const point: Record<string, unknown> = { timeStamp: iso(b.at) };
              for (const agg of wanted) {
                const v = def.point(b.records, agg);
                if (v !== undefined) point[agg] = v;
              }
              return point;
            }),
          },
        ],
        errorCode: 'Success',
      };
    }),
    namespace: `Microsoft.Web/${type}`,
    resourceregion: ctx.world.scenario.location.replaceAll(' ', '').toLowerCase(),
  });
}

function parseTimespan(text: string | null, now: number): [number, number] {
  if (text === null || text === '') return [now - 3_600_000, now];
  const [a, b] = text.split('/');
  const from = Date.parse(a ?? '');
  const to = Date.parse(b ?? '');
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
    throw monitorError(
      400,
      'BadRequest',
      `timespan: expected 'startTime/endTime' in ISO 8601 with start before end, got '${text}'.`,
    );
  }
  return [from, to];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Azure Monitor's metrics errors are `{code, message}` at the top level. */
function monitorError(status: number, code: string, message: string): HttpError {
  return new HttpError(status, code, message, {}, { code, message });
}
