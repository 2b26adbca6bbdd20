import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { VirtualClock } from '../../../devhost/clock/index.js';
import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import {
  AppServiceAdapter,
  AzureRequestError,
  createClients,
  LogsRequestMetrics,
} from '../../../src/azure/index.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';
import { sandboxSettings } from './support/sandboxSettings.js';

const PROD_HOST = 'pwbi-api-prod.azurewebsites.net';
/** Production's host names as ARM lists them: its custom domain (where users come) and default. */
const PROD_HOSTS = ['api.pwbi.contoso.com', PROD_HOST];
const WORKSPACE = '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const MINUTE = 60_000;

describe('LogsRequestMetrics against the sandbox Logs API (real LogsQueryClient over TLS)', () => {
  const clock = new VirtualClock(Date.UTC(2026, 10, 26, 10, 0, 0));
  const t0 = clock.now();
  let sandbox: Sandbox;
  let metrics: LogsRequestMetrics;
  let component: string;
  const window = (fromMin: number, toMin: number) => ({
    fromIso: new Date(t0 + fromMin * MINUTE).toISOString(),
    toIso: new Date(t0 + toMin * MINUTE).toISOString(),
  });

  before(async () => {
    sandbox = await startSandbox({ azurite: false, clock });
    const clients = createClients(sandboxSettings(sandbox));
    metrics = new LogsRequestMetrics(clients.logs);
    component = `/subscriptions/${sandbox.subscriptionId}/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/pwbi-api-prod`;
    await clock.advance(10 * MINUTE);
  });
  after(async () => {
    await sandbox.stop();
  });

  test('a healthy production site: requests weighted, no errors, a p95', async () => {
    const stats = await metrics.requestStats({
      resource: component,
      table: 'AppRequests',
      hostNames: PROD_HOSTS,
      ...window(-20, -15),
    });
    assert.equal(stats.from, window(-20, -15).fromIso);
    assert.ok(
      stats.requests > 2000 && stats.requests < 4000,
      `about 10 rps for 5 min, got ${stats.requests}`,
    );
    assert.equal(stats.serverErrors, 0);
    assert.ok(stats.failed <= stats.requests * 0.01);
    assert.ok(stats.p95Ms !== undefined && stats.p95Ms > 0);
  });

  test('the workspace id and the classic requests table see the same requests', async () => {
    const q = { hostNames: PROD_HOSTS, ...window(-30, -25) };
    const byResource = await metrics.requestStats({
      resource: component,
      table: 'AppRequests',
      ...q,
    });
    const byWorkspace = await metrics.requestStats({
      resource: WORKSPACE,
      table: 'AppRequests',
      ...q,
    });
    const classic = await metrics.requestStats({ resource: component, table: 'requests', ...q });
    assert.deepEqual(byWorkspace, byResource);
    assert.equal(classic.requests, byResource.requests);
    assert.equal(classic.serverErrors, byResource.serverErrors);
  });

  test('behind a custom domain, the default host name alone sees no production traffic', async () => {
    const stats = await metrics.requestStats({
      resource: component,
      table: 'AppRequests',
      hostNames: [PROD_HOST],
      ...window(-20, -15),
    });
    assert.equal(stats.requests, 0);
  });

  test('a host without traffic has zero requests and no p95', async () => {
    const stats = await metrics.requestStats({
      resource: component,
      table: 'AppRequests',
      hostNames: ['nobody.example.com'],
      ...window(-20, -15),
    });
    const w = window(-20, -15);
    assert.deepEqual(stats, {
      from: w.fromIso,
      to: w.toIso,
      requests: 0,
      failed: 0,
      serverErrors: 0,
    });
  });

  test('an image that answers 5xx shows as failed and server errors', async () => {
    const adapter = new AppServiceAdapter(createClients(sandboxSettings(sandbox)));
    const pushed = await sandbox.push('pwbi-api:6.6.6', { profile: 'errors:20', deliver: 'none' });
    await adapter.deployImage(
      { subscription: sandbox.subscriptionId, resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' },
      pushed.image,
    );
    await clock.advance(10 * MINUTE);
    const stats = await metrics.requestStats({
      resource: component,
      table: 'AppRequests',
      hostNames: PROD_HOSTS,
      ...window(12, 17),
    });
    assert.ok(stats.requests > 1000, `got ${stats.requests}`);
    const rate = stats.serverErrors / stats.requests;
    assert.ok(rate > 0.1 && rate < 0.3, `about 20 % 5xx, got ${rate}`);
    assert.ok(stats.failed >= stats.serverErrors);
  });

  test('a partial result is an error, never a pass', async () => {
    sandbox.injectFault({ op: 'logsQuery', kind: 'fail-lro', times: 1 });
    await assert.rejects(
      metrics.requestStats({
        resource: component,
        table: 'AppRequests',
        hostNames: PROD_HOSTS,
        ...window(-20, -15),
      }),
      (err: unknown) => {
        assert.ok(err instanceof NonRetryableError);
        assert.match(err.message, /partial result \(PartialError\)/);
        return true;
      },
    );
  });

  test('throttling is RetryAfterError; an unknown workspace is a 404 AzureRequestError', async () => {
    sandbox.injectFault({ op: 'logsQuery', kind: '429', times: 1, retryAfterSeconds: 9 });
    await assert.rejects(
      metrics.requestStats({
        resource: WORKSPACE,
        table: 'AppRequests',
        hostNames: PROD_HOSTS,
        ...window(-20, -15),
      }),
      (err: unknown) => err instanceof RetryAfterError && err.afterMs === 9000,
    );
    await assert.rejects(
      metrics.requestStats({
        resource: '00000000-1111-2222-3333-444444444444',
        table: 'AppRequests',
        hostNames: PROD_HOSTS,
        ...window(-20, -15),
      }),
      (err: unknown) => err instanceof AzureRequestError && err.statusCode === 404,
    );
  });

  test('a workspace has no classic requests table: the query is rejected as a 400', async () => {
    await assert.rejects(
      metrics.requestStats({
        resource: WORKSPACE,
        table: 'requests',
        hostNames: PROD_HOSTS,
        ...window(-20, -15),
      }),
      (err: unknown) => err instanceof AzureRequestError && err.statusCode === 400,
    );
  });
});
