import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValidationError } from '../../../src/domain/errors.js';
import { buildRequestsQuery } from '../../../src/domain/monitor/buildRequestsQuery.js';
import { kqlDiagnostics } from '../azure/support/kqlDiagnostics.js';

const spec = {
  table: 'AppRequests' as const,
  hostNames: ['pwbi-api-prod.azurewebsites.net', 'API.contoso.com'],
  fromIso: '2026-01-01T10:00:00.000Z',
  toIso: '2026-01-01T10:05:00.000Z',
};

describe('buildRequestsQuery', () => {
  it('queries AppRequests over the half-open window, scoped to the production hosts', () => {
    const kql = buildRequestsQuery(spec);
    assert.match(kql, /^AppRequests$/m);
    assert.match(kql, /let t0 = datetime\(2026-01-01T10:00:00\.000Z\);/);
    assert.match(kql, /let t1 = datetime\(2026-01-01T10:05:00\.000Z\);/);
    assert.match(kql, /TimeGenerated >= t0 and TimeGenerated < t1/);
    assert.match(kql, /dynamic\(\["pwbi-api-prod\.azurewebsites\.net", "api\.contoso\.com"\]\)/);
    assert.match(kql, /tostring\(parse_url\(Url\)\.Host\) in~ \(prodHosts\)/);
  });

  it('weights every figure by ItemCount', () => {
    const kql = buildRequestsQuery(spec);
    assert.match(kql, /requests = sum\(ItemCount\)/);
    assert.match(kql, /failed = sumif\(ItemCount, Success == false\)/);
    assert.match(kql, /serverErrors = sumif\(ItemCount, toint\(ResultCode\) >= 500\)/);
    assert.match(kql, /p95Ms = percentilew\(DurationMs, ItemCount, 95\)/);
  });

  it('uses the classic column names for the requests table', () => {
    const kql = buildRequestsQuery({ ...spec, table: 'requests' });
    assert.match(kql, /^requests$/m);
    assert.match(kql, /timestamp >= t0 and timestamp < t1/);
    assert.match(kql, /parse_url\(url\)/);
    assert.match(kql, /sum\(itemCount\)/);
    assert.match(kql, /sumif\(itemCount, success == false\)/);
    assert.match(kql, /toint\(resultCode\) >= 500/);
    assert.match(kql, /percentilew\(duration, itemCount, 95\)/);
    assert.doesNotMatch(kql, /ItemCount|TimeGenerated|DurationMs/);
  });

  it('refuses a host name that could break out of the string literal', () => {
    assert.throws(
      () => buildRequestsQuery({ ...spec, hostNames: ['x"]); AppRequests | take 1 //'] }),
      (e: unknown) => e instanceof ValidationError && e.field === 'hostNames[0]',
    );
    assert.throws(
      () => buildRequestsQuery({ ...spec, hostNames: ['a.net") or true or ("'] }),
      (e: unknown) => e instanceof ValidationError && e.field === 'hostNames[0]',
    );
  });

  it('refuses a window that ends at or before its start, naming toIso', () => {
    for (const toIso of [spec.fromIso, '2026-01-01T09:59:59.999Z']) {
      assert.throws(
        () => buildRequestsQuery({ ...spec, toIso }),
        (e: unknown) => e instanceof ValidationError && e.field === 'toIso',
      );
    }
  });

  it('refuses an empty host list and non-ISO times, naming the field', () => {
    assert.throws(() => buildRequestsQuery({ ...spec, hostNames: [] }), /hostNames: expected/);
    assert.throws(
      () => buildRequestsQuery({ ...spec, fromIso: 'now' }),
      /fromIso: expected an ISO/,
    );
    assert.throws(() => buildRequestsQuery({ ...spec, toIso: '1700000000' }), /toIso: expected/);
  });

  it('normalises times to UTC milliseconds', () => {
    const kql = buildRequestsQuery({ ...spec, fromIso: '2026-01-01T11:00:00+01:00' });
    assert.match(kql, /datetime\(2026-01-01T10:00:00\.000Z\)/);
  });
});

describe("buildRequestsQuery against Microsoft's KQL parser", () => {
  it('parses and binds without errors for both tables', () => {
    assert.deepEqual(kqlDiagnostics(buildRequestsQuery(spec)), []);
    assert.deepEqual(kqlDiagnostics(buildRequestsQuery({ ...spec, table: 'requests' })), []);
  });

  it('reports a column the documented schema lacks, so the check above can fail', () => {
    assert.notDeepEqual(kqlDiagnostics('AppRequests | where NoSuchColumn > 1'), []);
  });
});
