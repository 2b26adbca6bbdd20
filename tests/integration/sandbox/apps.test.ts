import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { WebSiteManagementClient } from '@azure/arm-appservice';
import type { RestError } from '@azure/core-rest-pipeline';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { armClient } from './armClient.js';

async function get(url: string): Promise<{ status: number; image: string | null; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, image: res.headers.get('x-sandbox-image'), body: await res.json() };
}

void describe('sandbox app servers: an image profile is observable at its slot port', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let web: WebSiteManagementClient;
  const devUrl = (): string => sandbox.hostMap['pwbi-api-dev.azurewebsites.net'] ?? '';

  async function deploy(image: string, profile: string): Promise<string> {
    const pushed = await sandbox.push(image, { profile });
    await web.webApps.updateConfiguration('pwbi-dev', 'pwbi-api-dev', {
      linuxFxVersion: `DOCKER|${pushed.image}`,
    });
    return pushed.image;
  }

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    sandbox = await startSandbox({
      clock,
      azurite: false,
      scenario: {
        registry: { images: [{ image: 'pwbi-api:1.0.0' }] },
        sites: [
          { name: 'pwbi-api-dev', resourceGroup: 'pwbi-dev', image: 'pwbi-api:1.0.0' },
          {
            name: 'pwbi-api-off',
            resourceGroup: 'pwbi-dev',
            image: 'pwbi-api:1.0.0',
            slots: [{ name: 'staging', state: 'Stopped' }],
          },
        ],
      },
    });
    web = armClient(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('serves the running image and identifies it', async () => {
    const info = await get(`${devUrl()}/__sandbox/info`);
    assert.equal(info.status, 200);
    assert.deepEqual(info.body, {
      site: 'pwbi-api-dev',
      slot: 'production',
      image: sandbox.siteState('pwbi-api-dev').image,
      digest: sandbox.siteState('pwbi-api-dev').digest,
      state: 'Running',
    });
    const health = await get(`${devUrl()}/health`);
    // A real app names its image nowhere: no header unless its profile opts in
    assert.deepEqual([health.status, health.image], [200, null]);
    assert.equal((await get(`${devUrl()}/version`)).status, 200);
    assert.deepEqual((await get(`${devUrl()}/version`)).body, { path: '/version', status: 200 });
  });

  void it('names its image (GET /version and x-sandbox-image) only when its profile opts in', async () => {
    const image = await deploy('pwbi-api:versioned', 'healthy+version');
    await clock.advance(20_000);
    const version = await get(`${devUrl()}/version`);
    assert.equal(version.status, 200);
    assert.deepEqual(version.body, { image, digest: image.replace(/^.*@/, '') });
    assert.equal((await get(`${devUrl()}/health`)).image, image);
  });

  void it('keeps the previous container answering while a new image starts on a running site, then its profile (errors:100 -> every request 5xx)', async () => {
    const previous = sandbox.siteState('pwbi-api-dev');
    const image = await deploy('pwbi-api:bad', 'errors:100');
    // As App Service does after a linuxFxVersion change: the old container serves meanwhile.
    assert.equal((await get(`${devUrl()}/health`)).status, 200);
    assert.equal((await get(`${devUrl()}/api/reports`)).status, 200);
    assert.deepEqual(
      [sandbox.siteState('pwbi-api-dev').digest, sandbox.siteState('pwbi-api-dev').servedDigest],
      [image.replace(/^.*@/, ''), previous.digest],
    );
    assert.equal(
      ((await get(`${devUrl()}/__sandbox/info`)).body as { image: string }).image,
      previous.image,
    );
    await clock.advance(20_000);
    const health = await get(`${devUrl()}/health`);
    assert.equal(health.status, 200);
    assert.equal(
      ((await get(`${devUrl()}/__sandbox/info`)).body as { image: string }).image,
      image,
    );
    for (let i = 0; i < 5; i++) assert.ok((await get(`${devUrl()}/api/reports`)).status >= 500);
  });

  void it('never becomes healthy with the crash profile (the old container answers only while it starts)', async () => {
    await deploy('pwbi-api:crash', 'crash');
    assert.equal((await get(`${devUrl()}/health`)).status, 200);
    await clock.advance(10 * 60_000);
    assert.equal((await get(`${devUrl()}/health`)).status, 503);
    assert.equal(
      ((await get(`${devUrl()}/__sandbox/info`)).body as { state: string }).state,
      'Crashed',
    );
  });

  void it('turns unhealthy after T with unhealthy-later:T', async () => {
    await deploy('pwbi-api:later', 'unhealthy-later:60000');
    await clock.advance(20_000);
    assert.equal((await get(`${devUrl()}/health`)).status, 200);
    assert.equal((await get(`${devUrl()}/api/reports`)).status, 200);
    await clock.advance(60_000);
    assert.equal((await get(`${devUrl()}/health`)).status, 503);
    assert.equal((await get(`${devUrl()}/api/reports`)).status, 500);
  });

  void it('stops and starts a site through ARM (403 while stopped, start-up delay after)', async () => {
    await web.webApps.stop('pwbi-dev', 'pwbi-api-dev');
    assert.equal((await web.webApps.get('pwbi-dev', 'pwbi-api-dev')).state, 'Stopped');
    const stopped = await fetch(`${devUrl()}/health`);
    assert.equal(stopped.status, 403);
    assert.match(stopped.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await stopped.text(), /Error 403 - This web app is stopped\./);
    await web.webApps.start('pwbi-dev', 'pwbi-api-dev');
    assert.equal(sandbox.siteState('pwbi-api-dev').state, 'Starting');
    await clock.advance(20_000);
    assert.equal(sandbox.siteState('pwbi-api-dev').state, 'Running');
  });

  void it('a site configured while stopped starts only the new image: nothing old answers', async () => {
    await deploy('pwbi-api:fenced-old', 'healthy');
    await clock.advance(20_000);
    await web.webApps.stop('pwbi-dev', 'pwbi-api-dev');
    const image = await deploy('pwbi-api:fenced-new', 'healthy');
    assert.equal((await fetch(`${devUrl()}/health`)).status, 403);
    await clock.advance(60_000);
    assert.equal(sandbox.siteState('pwbi-api-dev').state, 'Stopped');
    await web.webApps.start('pwbi-dev', 'pwbi-api-dev');
    assert.equal((await get(`${devUrl()}/health`)).status, 503);
    assert.equal(sandbox.siteState('pwbi-api-dev').servedDigest, undefined);
    await clock.advance(20_000);
    assert.equal((await get(`${devUrl()}/health`)).status, 200);
    assert.equal(sandbox.siteState('pwbi-api-dev').servedDigest, image.replace(/^.*@/, ''));
  });

  void it('answers a swap with a stopped slot with 409', async () => {
    await assert.rejects(
      web.webApps
        .swapSlot('pwbi-dev', 'pwbi-api-off', 'staging', {
          targetSlot: 'production',
          preserveVnet: true,
        })
        .pollUntilDone(),
      (err: RestError) => err.statusCode === 409 && /stopped/.test(err.message),
    );
    assert.equal(
      (await fetch(`${sandbox.hostMap['pwbi-api-off-staging.azurewebsites.net'] ?? ''}/health`))
        .status,
      403,
    );
  });
});
