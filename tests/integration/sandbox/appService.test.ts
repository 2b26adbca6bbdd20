import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { WebSiteManagementClient } from '@azure/arm-appservice';
import type { RestError } from '@azure/core-rest-pipeline';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { armClient } from './armClient.js';

const RG = 'pwbi-prod';
const SITE = 'pwbi-api-prod';

void describe('sandbox App Service ARM through the real WebSiteManagementClient', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let web: WebSiteManagementClient;

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    sandbox = await startSandbox({ clock, azurite: false });
    web = armClient(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('gets the production site with Azure-like host names and the running image', async () => {
    const site = await web.webApps.get(RG, SITE);
    assert.equal(site.name, SITE);
    assert.equal(site.type, 'Microsoft.Web/sites');
    assert.equal(site.defaultHostName, 'pwbi-api-prod.azurewebsites.net');
    // The default scenario binds a custom domain to production (listed first, as ARM does)
    assert.deepEqual(site.hostNames, ['api.pwbi.contoso.com', 'pwbi-api-prod.azurewebsites.net']);
    assert.equal(site.state, 'Running');
    assert.match(
      site.siteConfig?.linuxFxVersion ?? '',
      /^DOCKER\|pwbiregistry\.azurecr\.io\/pwbi-api@sha256:[0-9a-f]{64}$/,
    );
  });

  void it('gets and lists the staging slot (production is not listed)', async () => {
    const slot = await web.webApps.getSlot(RG, SITE, 'staging');
    assert.equal(slot.name, 'pwbi-api-prod/staging');
    assert.equal(slot.defaultHostName, 'pwbi-api-prod-staging.azurewebsites.net');
    const names: string[] = [];
    for await (const s of web.webApps.listSlots(RG, SITE)) names.push(s.name ?? '');
    assert.deepEqual(names, ['pwbi-api-prod/staging']);
  });

  void it('deploys by digest through PATCH config/web, restarting the slot with the new image', async () => {
    const previous = sandbox.siteState(SITE, 'staging');
    const pushed = await sandbox.push('pwbi-api:2.0.0', { profile: 'errors:50' });
    const fx = `DOCKER|${pushed.image}`;
    const updated = await web.webApps.updateConfigurationSlot(RG, SITE, 'staging', {
      linuxFxVersion: fx,
    });
    assert.equal(updated.linuxFxVersion, fx);
    const read = await web.webApps.getConfigurationSlot(RG, SITE, 'staging');
    assert.equal(read.linuxFxVersion, fx);
    assert.equal(read.alwaysOn, true, 'PATCH merges: untouched fields survive');
    // The slot was running: its old container answers until the new one has started.
    const starting = sandbox.siteState(SITE, 'staging');
    assert.deepEqual(
      [starting.digest, starting.state, starting.servedDigest],
      [pushed.digest, 'Running', previous.digest],
    );
    await clock.advance(30_000);
    const state = sandbox.siteState(SITE, 'staging');
    assert.equal(state.state, 'Running');
    assert.deepEqual([state.digest, state.servedDigest], [pushed.digest, pushed.digest]);
  });

  void it('stops and starts a slot with 200 and no body (the SDK accepts nothing else)', async () => {
    await web.webApps.stopSlot(RG, SITE, 'staging');
    assert.equal((await web.webApps.getSlot(RG, SITE, 'staging')).state, 'Stopped');
    assert.equal(sandbox.siteState(SITE, 'staging').state, 'Stopped');
    await web.webApps.stopSlot(RG, SITE, 'staging');
    await web.webApps.startSlot(RG, SITE, 'staging');
    assert.equal((await web.webApps.getSlot(RG, SITE, 'staging')).state, 'Running');
    assert.equal(sandbox.siteState(SITE, 'staging').state, 'Starting');
    await clock.advance(30_000);
    assert.equal(sandbox.siteState(SITE, 'staging').state, 'Running');
    const answers = sandbox
      .armRequests()
      .filter((r) => r.method === 'POST' && /\/slots\/staging\/(stop|start)$/i.test(r.path));
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200],
    );
  });

  void it('restarts a slot with 200 (the SDK accepts nothing else)', async () => {
    await web.webApps.restartSlot(RG, SITE, 'staging');
    assert.equal(sandbox.siteState(SITE, 'staging').state, 'Starting');
    await clock.advance(30_000);
    assert.equal(sandbox.siteState(SITE, 'staging').state, 'Running');
  });

  void it('swaps staging into production as a long-running operation polled to completion', async () => {
    const before = sandbox.siteState(SITE);
    const staged = sandbox.siteState(SITE, 'staging');
    const poller = web.webApps.swapSlot(
      RG,
      SITE,
      'staging',
      { targetSlot: 'production', preserveVnet: true },
      { updateIntervalInMs: 10 },
    );
    await poller.pollUntilDone();
    assert.equal(sandbox.siteState(SITE).digest, staged.digest);
    assert.equal(sandbox.siteState(SITE, 'staging').digest, before.digest);
    const prod = await web.webApps.get(RG, SITE);
    assert.equal(prod.slotSwapStatus?.sourceSlotName, 'staging');
    assert.equal(prod.slotSwapStatus?.destinationSlotName, 'Production');
    const slot = await web.webApps.getSlot(RG, SITE, 'staging');
    assert.equal(slot.slotSwapStatus?.destinationSlotName, 'Production');
    const calls = sandbox.armRequests().filter((r) => r.path.includes('/operationresults/'));
    assert.ok(
      calls.some((c) => c.status === 202),
      'at least one poll answered 202',
    );
    assert.equal(calls.at(-1)?.status, 200);
  });

  void it('swaps back with production as the source (swapSlotWithProduction)', async () => {
    const staged = sandbox.siteState(SITE, 'staging');
    await web.webApps
      .swapSlotWithProduction(
        RG,
        SITE,
        { targetSlot: 'staging', preserveVnet: true },
        { updateIntervalInMs: 10 },
      )
      .pollUntilDone();
    assert.equal(sandbox.siteState(SITE).digest, staged.digest);
  });

  void it('answers 409 for a swap while another runs on the same site', async () => {
    sandbox.injectFault({ op: 'swap', kind: 'hang', times: 1 });
    const first = web.webApps.swapSlot(
      RG,
      SITE,
      'staging',
      { targetSlot: 'production', preserveVnet: true },
      { updateIntervalInMs: 10 },
    );
    await first.submitted();
    await assert.rejects(
      web.webApps
        .swapSlot(RG, SITE, 'staging', { targetSlot: 'production', preserveVnet: true })
        .pollUntilDone(),
      (err: RestError) => err.statusCode === 409 && /in progress/.test(err.message),
    );
    await clock.advance(31 * 60_000);
    await assert.rejects(
      first.pollUntilDone(),
      (err: RestError) => err.statusCode === 409 && /timed out/.test(err.message),
    );
  });

  void it('surfaces a failing swap (fail-lro) and leaves both slots as they were', async () => {
    const prod = sandbox.siteState(SITE).digest;
    sandbox.injectFault({ op: 'swap', kind: 'fail-lro', times: 1 });
    await assert.rejects(
      web.webApps
        .swapSlot(
          RG,
          SITE,
          'staging',
          { targetSlot: 'production', preserveVnet: true },
          { updateIntervalInMs: 10 },
        )
        .pollUntilDone(),
      (err: RestError) => err.statusCode === 409,
    );
    assert.equal(sandbox.siteState(SITE).digest, prod);
  });

  void it('routes production traffic through experiments.rampUpRules on production config', async () => {
    await web.webApps.updateConfiguration(RG, SITE, {
      experiments: {
        rampUpRules: [
          {
            actionHostName: 'pwbi-api-prod-staging.azurewebsites.net',
            reroutePercentage: 100,
            name: 'staging',
          },
        ],
      },
    });
    const config = await web.webApps.getConfiguration(RG, SITE);
    assert.equal(config.experiments?.rampUpRules?.[0]?.reroutePercentage, 100);
    const res = await fetch(`${sandbox.hostMap['pwbi-api-prod.azurewebsites.net']}/__sandbox/info`);
    const served = (await res.json()) as { image: string };
    assert.equal(served.image, sandbox.siteState(SITE, 'staging').image);
    assert.match(res.headers.get('set-cookie') ?? '', /x-ms-routing-name=staging/);
    await web.webApps.updateConfiguration(RG, SITE, { experiments: { rampUpRules: [] } });
  });

  void it('honours Retry-After on an injected 429 and then succeeds', async () => {
    const retrying = armClient(sandbox, { maxRetries: 3 });
    sandbox.injectFault({ op: 'getConfiguration', kind: '429', times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const config = await retrying.webApps.getConfiguration(RG, SITE);
    assert.ok(config.linuxFxVersion?.startsWith('DOCKER|'));
    assert.ok(Date.now() - started >= 900, 'the client waited for Retry-After');
    const calls = sandbox
      .armRequests()
      .filter((r) => r.path.endsWith(`/sites/${SITE}/config/web`) && r.method === 'GET');
    assert.deepEqual(
      calls.slice(-2).map((c) => c.status),
      [429, 200],
    );
  });

  void it('answers 503 and 500 faults with ARM error bodies', async () => {
    sandbox.injectFault({ op: 'get', kind: '500', times: 1 });
    await assert.rejects(
      web.webApps.get(RG, SITE),
      (err: RestError) => err.statusCode === 500 && err.code === 'InternalServerError',
    );
    sandbox.injectFault({ op: 'get', kind: '503', times: 1, retryAfterSeconds: 0 });
    await assert.rejects(web.webApps.get(RG, SITE), (err: RestError) => err.statusCode === 503);
  });

  void it('delays a call with a slow fault and never answers a hung one', async () => {
    sandbox.injectFault({ op: 'getConfiguration', kind: 'slow', times: 1, delayMs: 300 });
    const started = Date.now();
    await web.webApps.getConfiguration(RG, SITE);
    assert.ok(Date.now() - started >= 290);
    sandbox.injectFault({ op: 'getConfiguration', kind: 'hang', times: 1 });
    await assert.rejects(
      web.webApps.getConfiguration(RG, SITE, { abortSignal: AbortSignal.timeout(300) }),
      (err: Error) => err.name === 'AbortError',
    );
  });

  void it('answers 404 ResourceNotFound for an unknown site or slot and ResourceGroupNotFound for a group', async () => {
    await assert.rejects(
      web.webApps.get(RG, 'nope'),
      (err: RestError) => err.statusCode === 404 && err.code === 'ResourceNotFound',
    );
    await assert.rejects(
      web.webApps.getSlot(RG, SITE, 'nope'),
      (err: RestError) => err.statusCode === 404,
    );
    await assert.rejects(
      web.webApps.get('no-rg', SITE),
      (err: RestError) => err.code === 'ResourceGroupNotFound',
    );
  });

  void it('rejects an unknown api-version with ARM 400 NoRegisteredProviderFound', async () => {
    const old = armClient(sandbox, { apiVersion: '2099-01-01' });
    await assert.rejects(
      old.webApps.get(RG, SITE),
      (err: RestError) => err.statusCode === 400 && err.code === 'NoRegisteredProviderFound',
    );
  });

  void it('rejects a malformed body with ARM 400 InvalidRequestContent', async () => {
    const url = `${sandbox.armEndpoint}/subscriptions/${sandbox.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Web/sites/${SITE}/config/web?api-version=2025-05-01`;
    const client = sandbox.rewritingHttpClient();
    const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
    const req = createPipelineRequest({
      url: url.replace(sandbox.armEndpoint, 'https://management.azure.com'),
      method: 'PATCH',
      body: '{"properties": {',
      headers: undefined,
    });
    req.headers.set('authorization', 'Bearer x');
    req.headers.set('content-type', 'application/json');
    const res = await client.sendRequest(req);
    assert.equal(res.status, 400);
    assert.equal(
      (JSON.parse(res.bodyAsText ?? '{}') as { error: { code: string } }).error.code,
      'InvalidRequestContent',
    );
  });

  void it('refuses a request without a bearer token with 401', async () => {
    const client = sandbox.rewritingHttpClient();
    const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
    const res = await client.sendRequest(
      createPipelineRequest({
        url: `https://management.azure.com/subscriptions/${sandbox.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Web/sites/${SITE}?api-version=2025-05-01`,
      }),
    );
    assert.equal(res.status, 401);
  });

  void it('is reachable through the URL-rewriting HttpClient with the real public endpoint', async () => {
    const viaRewrite = new WebSiteManagementClient(sandbox.credential, sandbox.subscriptionId, {
      httpClient: sandbox.rewritingHttpClient(),
      retryOptions: { maxRetries: 0 },
    });
    const site = await viaRewrite.webApps.get(RG, SITE);
    assert.equal(site.name, SITE);
    const staged = sandbox.siteState(SITE, 'staging').digest;
    await viaRewrite.webApps
      .swapSlot(
        RG,
        SITE,
        'staging',
        { targetSlot: 'production', preserveVnet: true },
        { updateIntervalInMs: 10 },
      )
      .pollUntilDone();
    assert.equal(sandbox.siteState(SITE).digest, staged);
  });
});
