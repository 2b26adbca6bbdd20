import { ValidationError } from '../errors.js';

/** What one request-statistics query asks (the shape RequestMetricsPort receives). */
export interface RequestsQuerySpec {
  table: 'AppRequests' | 'requests';
  hostNames: string[];
  fromIso: string;
  toIso: string;
}

/** Column names of the two request tables: workspace-based and classic App Insights. */
const columns = {
  AppRequests: {
    time: 'TimeGenerated',
    url: 'Url',
    success: 'Success',
    code: 'ResultCode',
    duration: 'DurationMs',
    count: 'ItemCount',
  },
  requests: {
    time: 'timestamp',
    url: 'url',
    success: 'success',
    code: 'resultCode',
    duration: 'duration',
    count: 'itemCount',
  },
} as const;

const hostName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

/**
 * The KQL that gives a production site's request statistics over `[fromIso, toIso)`:
 * one row with `requests`, `failed` (Success == false), `serverErrors` (result code ≥ 500)
 * and `p95Ms` (the columns the Logs adapter reads), every figure
 * weighted by the item count so sampled telemetry counts what it stands for. Requests are
 * scoped to production by the URL host, because both slots may log into one resource and
 * instances change sides in a swap. Host names are validated (they are spliced into the
 * query text); times must be ISO instants with `fromIso` before `toIso`. Throws
 * ValidationError naming the field otherwise.
 */
export function buildRequestsQuery(spec: RequestsQuerySpec): string {
  if (spec.hostNames.length === 0) {
    throw new ValidationError('hostNames', 'at least one production host name', 'an empty list');
  }
  for (const [i, name] of spec.hostNames.entries()) {
    if (!hostName.test(name)) {
      throw new ValidationError(`hostNames[${i}]`, 'a DNS host name', JSON.stringify(name));
    }
  }
  const from = isoInstant(spec.fromIso, 'fromIso');
  const to = isoInstant(spec.toIso, 'toIso');
  if (Date.parse(from) >= Date.parse(to)) {
    throw new ValidationError('toIso', `an instant after fromIso (${from})`, to);
  }
  const c = columns[spec.table];
  const hosts = spec.hostNames.map((h) => `"${h.toLowerCase()}"`).join(', ');
  return [
    '// slotpilot: production request health v1',
    `let t0 = datetime(${from});`,
    `let t1 = datetime(${to});`,
    `let prodHosts = dynamic([${hosts}]);`,
    spec.table,
    `| where ${c.time} >= t0 and ${c.time} < t1`,
    `| where tostring(parse_url(${c.url}).Host) in~ (prodHosts)`,
    `| summarize requests = sum(${c.count}),`,
    `    failed = sumif(${c.count}, ${c.success} == false),`,
    `    serverErrors = sumif(${c.count}, toint(${c.code}) >= 500),`,
    `    p95Ms = percentilew(${c.duration}, ${c.count}, 95)`,
  ].join('\n');
}

function isoInstant(text: string, field: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/^\d{4}-\d\d-\d\dT/.test(text)) {
    throw new ValidationError(field, 'an ISO-8601 instant', JSON.stringify(text));
  }
  return new Date(ms).toISOString();
}
