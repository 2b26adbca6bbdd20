import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { RestError } from '@azure/core-rest-pipeline';
import {
  LogsQueryClient as Client,
  type LogsQueryClient,
  type LogsQueryResult,
  LogsQueryResultStatus,
} from '@azure/monitor-query-logs';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { armClient } from './armClient.js';
import { logsClient } from './logsClient.js';

const WORKSPACE = '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const COMPONENT =
  'subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/pwbi-api-prod';
const HOUR = { duration: 'PT1H' };

function table(result: LogsQueryResult): Array<Record<string, unknown>> {
  assert.equal(result.status, LogsQueryResultStatus.Success, JSON.stringify(result));
  if (result.status !== LogsQueryResultStatus.Success) return [];
  const t = result.tables[0];
  assert.ok(t !== undefined);
  return t.rows.map((row) =>
    Object.fromEntries(t.columnDescriptors.map((c, i) => [c.name ?? '', row[i]])),
  );
}

function badArgument(innerCode: string) {
  return (err: RestError): boolean => {
    const body = err.details as
      { error?: { code?: string; innererror?: { code?: string } } } | undefined;
    return (
      err.statusCode === 400 &&
      body?.error?.code === 'BadArgumentError' &&
      body.error.innererror?.code === innerCode
    );
  };
}

void describe('sandbox Logs query API through the real LogsQueryClient', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let logs: LogsQueryClient;

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    sandbox = await startSandbox({
      clock,
      azurite: false,
      scenario: {
        registry: { images: [{ image: 'pwbi-api:1.0.0', profile: 'errors:5' }] },
        sites: [
          {
            name: 'pwbi-api-prod',
            resourceGroup: 'pwbi-prod',
            image: 'pwbi-api:1.0.0',
            requestsPerSecond: 10,
            appInsights: 'pwbi-api-prod',
            slots: [{ name: 'staging', image: 'pwbi-api:1.0.0' }],
          },
        ],
        appInsights: [
          { name: 'pwbi-api-prod', resourceGroup: 'pwbi-prod', workspace: 'pwbi-logs' },
        ],
        workspaces: [{ name: 'pwbi-logs', resourceGroup: 'pwbi-prod', customerId: WORKSPACE }],
        telemetry: { ingestionDelay: '2m' },
      },
    });
    logs = logsClient(sandbox);
    await clock.advance(3_600_000);
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('counts one hour of traffic at 10 req/s, minus the ingestion delay', async () => {
    const [row] = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | summarize n = count(), total = sum(ItemCount)',
        HOUR,
      ),
    );
    assert.ok(Math.abs(Number(row?.['n']) - 34_800) <= 20, `count ${String(row?.['n'])}`);
    assert.equal(row?.['total'], row?.['n']);
  });

  void it('answers error rate and p95 that match the profile within sampling error (queryWorkspace)', async () => {
    const kql = `let t1 = now();
      let prodHosts = dynamic(["pwbi-api-prod.azurewebsites.net"]);
      AppRequests
      | where TimeGenerated between (ago(1h) .. t1)
      | where tostring(parse_url(Url).Host) in~ (prodHosts)
      | summarize total = sum(ItemCount), failed = sumif(ItemCount, Success == false),
                  http5xx = sumif(ItemCount, toint(ResultCode) >= 500),
                  p95Ms = percentilew(DurationMs, ItemCount, 95), lastIngest = max(ingestion_time())
      | extend errorRate = iff(total == 0, real(null), todouble(http5xx) / total)`;
    const [row] = table(await logs.queryWorkspace(WORKSPACE, kql, HOUR));
    assert.ok(row !== undefined);
    assert.ok(
      Math.abs(Number(row['errorRate']) - 0.05) < 0.006,
      `errorRate ${String(row['errorRate'])}`,
    );
    assert.equal(row['failed'], row['http5xx']);
    const expectedP95 = 60 * Math.exp(0.5 * 1.6448536);
    assert.ok(
      Math.abs(Number(row['p95Ms']) - expectedP95) / expectedP95 < 0.05,
      `p95 ${String(row['p95Ms'])}`,
    );
    assert.ok(row['lastIngest'] instanceof Date);
    assert.ok(row['lastIngest'].getTime() <= clock.now());
  });

  void it('serves the classic requests table through queryResource (leading slash tolerated)', async () => {
    const kql =
      'requests | where timestamp > ago(30m) | summarize n = count(), errors = countif(success == false), p95 = percentile(duration, 95), roles = dcount(cloud_RoleName)';
    const [row] = table(await logs.queryResource(`/${COMPONENT}`, kql, HOUR));
    assert.ok(Math.abs(Number(row?.['n']) - 16_800) <= 20, `count ${String(row?.['n'])}`);
    assert.ok(Math.abs(Number(row?.['errors']) / Number(row?.['n']) - 0.05) < 0.01);
    assert.equal(row?.['roles'], 1);
  });

  void it('applies the ingestion delay: nothing newer than now minus 2 minutes is visible', async () => {
    const [row] = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | summarize newest = max(TimeGenerated)',
        HOUR,
      ),
    );
    const newest = (row?.['newest'] as Date).getTime();
    assert.ok(
      newest <= clock.now() - 120_000 && newest > clock.now() - 125_000,
      new Date(newest).toISOString(),
    );
  });

  void it('bins by minute, orders and takes', async () => {
    const rows = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | summarize n = count() by bin(TimeGenerated, 1m) | order by TimeGenerated asc | take 3',
        HOUR,
      ),
    );
    assert.equal(rows.length, 3);
    const times = rows.map((r) => (r['TimeGenerated'] as Date).getTime());
    assert.deepEqual(
      [...times].sort((a, b) => a - b),
      times,
    );
    assert.ok(times.every((t) => t % 60_000 === 0));
    assert.ok(rows.every((r) => Number(r['n']) >= 590 && Number(r['n']) <= 610));
  });

  void it('supports extend, project, top, count and string operators', async () => {
    const rows = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | where Url has "reports" and ResultCode != "200" | extend seconds = DurationMs / 1000 | project Url, ResultCode, seconds | top 2 by seconds desc',
        HOUR,
      ),
    );
    assert.equal(rows.length, 2);
    assert.ok(
      rows.every((r) => String(r['Url']).endsWith('/api/reports') && r['ResultCode'] !== '200'),
    );
    assert.ok(Number(rows[0]?.['seconds']) >= Number(rows[1]?.['seconds']));
    const [count] = table(
      await logs.queryWorkspace(WORKSPACE, 'AppRequests | where Success | count', HOUR),
    );
    assert.ok(Number(count?.['Count']) > 30_000);
  });

  void it('follows a swap: rows after it carry the new image version', async () => {
    const pushed = await sandbox.push('pwbi-api:2.0.0', { profile: 'healthy' });
    const web = armClient(sandbox);
    await web.webApps.updateConfigurationSlot('pwbi-prod', 'pwbi-api-prod', 'staging', {
      linuxFxVersion: `DOCKER|${pushed.image}`,
    });
    await clock.advance(60_000);
    await web.webApps
      .swapSlot(
        'pwbi-prod',
        'pwbi-api-prod',
        'staging',
        { targetSlot: 'production', preserveVnet: true },
        { updateIntervalInMs: 10 },
      )
      .pollUntilDone();
    await clock.advance(10 * 60_000);
    const rows = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | where TimeGenerated > ago(7m) | summarize n = count(), errors = countif(Success == false) by AppVersion',
        HOUR,
      ),
    );
    assert.deepEqual(
      rows.map((r) => r['AppVersion']),
      ['2.0.0'],
    );
    assert.equal(rows[0]?.['errors'], 0);
  });

  void it('splits production traffic by experiments.rampUpRules in telemetry', async () => {
    const bad = await sandbox.push('pwbi-api:2.1.0', { profile: 'errors:100' });
    const web = armClient(sandbox);
    await web.webApps.updateConfigurationSlot('pwbi-prod', 'pwbi-api-prod', 'staging', {
      linuxFxVersion: `DOCKER|${bad.image}`,
    });
    await clock.advance(60_000);
    await web.webApps.updateConfiguration('pwbi-prod', 'pwbi-api-prod', {
      experiments: {
        rampUpRules: [
          {
            actionHostName: 'pwbi-api-prod-staging.azurewebsites.net',
            reroutePercentage: 30,
            name: 'staging',
          },
        ],
      },
    });
    await clock.advance(10 * 60_000);
    const [row] = table(
      await logs.queryWorkspace(
        WORKSPACE,
        'AppRequests | where TimeGenerated > ago(7m) and Url startswith "https://pwbi-api-prod.azurewebsites.net/" | summarize n = count(), errors = countif(toint(ResultCode) >= 500), canary = countif(AppVersion == "2.1.0") | extend rate = todouble(errors) / n',
        HOUR,
      ),
    );
    assert.ok(Math.abs(Number(row?.['rate']) - 0.3) < 0.04, `rate ${String(row?.['rate'])}`);
    assert.equal(row?.['canary'], row?.['errors']);
    await web.webApps.updateConfiguration('pwbi-prod', 'pwbi-api-prod', {
      experiments: { rampUpRules: [] },
    });
  });

  void it('rejects invalid KQL with the Log Analytics error shape', async () => {
    await assert.rejects(
      logs.queryWorkspace(WORKSPACE, 'AppRequests | where (', HOUR),
      badArgument('SyntaxError'),
    );
    await assert.rejects(
      logs.queryWorkspace(WORKSPACE, 'AppRequests | where NoSuchColumn > 1', HOUR),
      badArgument('SemanticError'),
    );
    await assert.rejects(
      logs.queryWorkspace(WORKSPACE, 'requests | count', HOUR),
      badArgument('SemanticError'),
      'a workspace has no classic requests table',
    );
    await assert.rejects(
      logs.queryWorkspace(WORKSPACE, 'AppRequests | sample 5', HOUR),
      (err: RestError) =>
        badArgument('SemanticError')(err) &&
        /sandbox does not evaluate/.test(JSON.stringify(err.details)),
    );
    await assert.rejects(
      logs.queryWorkspace(WORKSPACE, `AppRequests | take 1 // ${'x'.repeat(40_000)}`, HOUR),
      badArgument('QueryTooLong'),
    );
    await assert.rejects(
      logs.queryWorkspace('00000000-0000-0000-0000-00000000dead', 'AppRequests | count', HOUR),
      (err: RestError) => err.statusCode === 404,
    );
  });

  void it('answers queryBatch per request, a rejected query failing only its own item', async () => {
    const results = await logs.queryBatch([
      { workspaceId: WORKSPACE, query: 'AppRequests | count', timespan: HOUR },
      { workspaceId: WORKSPACE, query: 'AppRequests | where Nope == 1', timespan: HOUR },
    ]);
    assert.equal(results.length, 2);
    const [ok, bad] = results;
    assert.equal(ok?.status, LogsQueryResultStatus.Success);
    assert.notEqual(bad?.status, LogsQueryResultStatus.Success);
  });

  void it('reports an injected partial failure as PartialFailure', async () => {
    sandbox.injectFault({ op: 'logsQuery', kind: 'fail-lro', times: 1 });
    const result = await logs.queryWorkspace(WORKSPACE, 'AppRequests | count', HOUR);
    assert.equal(result.status, LogsQueryResultStatus.PartialFailure);
  });

  void it('honours Retry-After on an injected 429', async () => {
    sandbox.injectFault({ op: 'logsQuery', kind: '429', times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const [row] = table(
      await logsClient(sandbox, 2).queryWorkspace(WORKSPACE, 'AppRequests | count', HOUR),
    );
    assert.ok(Number(row?.['Count']) > 0);
    assert.ok(Date.now() - started >= 900);
  });

  void it('is reachable through the rewriting HttpClient at the public endpoint', async () => {
    const viaRewrite = new Client(sandbox.credential, {
      httpClient: sandbox.rewritingHttpClient(),
      retryOptions: { maxRetries: 0 },
    });
    const [row] = table(await viaRewrite.queryWorkspace(WORKSPACE, 'AppRequests | count', HOUR));
    assert.ok(Number(row?.['Count']) > 0);
  });
});
