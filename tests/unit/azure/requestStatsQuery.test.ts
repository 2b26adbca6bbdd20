import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requestStatsQuery } from '../../../src/azure/metrics/requestStatsQuery.js';
import { ValidationError } from '../../../src/domain/errors.js';
import { kqlDiagnostics } from './support/kqlDiagnostics.js';

const hosts = ['pwbi-api-prod.azurewebsites.net', 'API.contoso.com'];
const from = '2026-11-26T10:00:00Z';
const to = '2026-11-26T10:05:00Z';

test('the AppRequests query filters by time and host and weights by ItemCount', () => {
  assert.equal(
    requestStatsQuery('AppRequests', hosts, from, to),
    [
      'AppRequests',
      '| where TimeGenerated >= datetime(2026-11-26T10:00:00.000Z) and TimeGenerated < datetime(2026-11-26T10:05:00.000Z)',
      '| where tostring(parse_url(Url).Host) in~ ("pwbi-api-prod.azurewebsites.net", "api.contoso.com")',
      '| summarize requests = sum(ItemCount), failed = sumif(ItemCount, Success == false), serverErrors = sumif(ItemCount, toint(ResultCode) >= 500), p95Ms = percentilew(DurationMs, ItemCount, 95)',
    ].join('\n'),
  );
});

test('the classic requests query uses the classic column names', () => {
  const q = requestStatsQuery('requests', hosts, from, to);
  assert.match(q, /^requests\n\| where timestamp >= /);
  assert.match(q, /parse_url\(url\)\.Host/);
  assert.match(q, /percentilew\(duration, itemCount, 95\)/);
});

test("both queries pass Microsoft's KQL parser and binder against the documented schemas", () => {
  assert.deepEqual(kqlDiagnostics(requestStatsQuery('AppRequests', hosts, from, to)), []);
  assert.deepEqual(kqlDiagnostics(requestStatsQuery('requests', hosts, from, to)), []);
  assert.notDeepEqual(kqlDiagnostics('AppRequests | where NoSuchColumn > 1'), []);
});

test('host names and times are validated, so nothing can be injected into the KQL', () => {
  const field = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof ValidationError);
      return err.field;
    }
    return 'no error';
  };
  assert.equal(
    field(() => requestStatsQuery('AppRequests', ['a.net") or true or ("'], from, to)),
    'hostNames[0]',
  );
  assert.equal(
    field(() => requestStatsQuery('AppRequests', [], from, to)),
    'hostNames',
  );
  assert.equal(
    field(() => requestStatsQuery('AppRequests', hosts, 'now', to)),
    'fromIso',
  );
  assert.equal(
    field(() => requestStatsQuery('AppRequests', hosts, to, from)),
    'toIso',
  );
});
