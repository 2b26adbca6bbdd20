import { describeValue } from '../../domain/describeValue.js';
import { ValidationError } from '../../domain/errors.js';

/** Which requests table to query: workspace-based `AppRequests` or classic `requests`. */
export type RequestsTable = 'AppRequests' | 'requests';

/** Column names of the two schemas (workspace-based vs classic Application Insights). */
const COLUMNS: Record<
  RequestsTable,
  Record<'time' | 'url' | 'success' | 'code' | 'duration' | 'count', string>
> = {
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
};

const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Validates an ISO time for a KQL `datetime()` literal and returns it normalised (UTC, ms). */
export function kqlTime(field: string, iso: string): string {
  const ms = Date.parse(iso);
  if (typeof iso !== 'string' || Number.isNaN(ms)) {
    throw new ValidationError(field, 'an ISO 8601 time', describeValue(iso));
  }
  return new Date(ms).toISOString();
}

/**
 * The KQL that sums a production site's requests over [from, to): filtered by request URL host
 * (`parse_url(Url).Host in~ (…)`, so both slots can share one Application Insights resource),
 * weighted by ItemCount (sampling): `requests`, `failed` (Success == false), `serverErrors`
 * (result code ≥ 500) and `p95Ms` (`percentilew`). One row; `p95Ms` is null without requests.
 * Throws ValidationError for host names that are not DNS names or times that are not ISO.
 */
export function requestStatsQuery(
  table: RequestsTable,
  hostNames: string[],
  fromIso: string,
  toIso: string,
): string {
  if (hostNames.length === 0) {
    throw new ValidationError('hostNames', 'at least one host name', 'an empty list');
  }
  for (const [i, host] of hostNames.entries()) {
    if (typeof host !== 'string' || !HOST.test(host)) {
      throw new ValidationError(`hostNames[${i}]`, 'a DNS host name', describeValue(host));
    }
  }
  const from = kqlTime('fromIso', fromIso);
  const to = kqlTime('toIso', toIso);
  if (Date.parse(from) >= Date.parse(to)) {
    throw new ValidationError('toIso', `a time after fromIso (${from})`, to);
  }
  const c = COLUMNS[table];
  const hosts = hostNames.map((h) => `"${h.toLowerCase()}"`).join(', ');
  return [
    table,
    `| where ${c.time} >= datetime(${from}) and ${c.time} < datetime(${to})`,
    `| where tostring(parse_url(${c.url}).Host) in~ (${hosts})`,
    `| summarize requests = sum(${c.count}), failed = sumif(${c.count}, ${c.success} == false),` +
      ` serverErrors = sumif(${c.count}, toint(${c.code}) >= 500),` +
      ` p95Ms = percentilew(${c.duration}, ${c.count}, 95)`,
  ].join('\n');
}
