import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { checkSite } from '../../../src/activities/checkSite.js';
import type { CheckSiteOutput } from '../../../src/activities/contracts.js';
import { AppServiceAdapter, createClients, FetchHttpProbe } from '../../../src/azure/index.js';
import { sandboxSettings } from './support/sandboxSettings.js';

/**
 * The restart fence, end to end over the real SDK against the sandbox: after a deploy, an
 * answer on the slot's URL can only come from a container started with the new image, even
 * though App Service keeps an old container answering while a new image starts on a running
 * slot. No `verify` contract here: configuration, state and the fence are all there is.
 */
describe('restart fence: a 200 after deployImage comes from the new image', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let deps: Parameters<typeof checkSite>[0];
  let sub: string;
  const slot = () => ({
    subscription: sub,
    resourceGroup: 'pwbi-prod',
    site: 'pwbi-api-prod',
    slot: 'staging',
  });
  const look = (digest: string): Promise<CheckSiteOutput> =>
    checkSite(deps, {
      target: slot(),
      digest,
      path: '/health',
      expectStatus: 200,
      timeoutMs: 5000,
    });
  const writes = (from: number): string[] =>
    sandbox
      .armRequests()
      .slice(from)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path.replace(/^.*\/slots\/staging/i, '')}`);

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    sandbox = await startSandbox({ clock, azurite: false });
    sub = sandbox.subscriptionId;
    deps = {
      appService: new AppServiceAdapter(createClients(sandboxSettings(sandbox))),
      probe: new FetchHttpProbe(),
      config: { pipelines: [] },
    };
  });
  after(async () => {
    await sandbox.stop();
  });

  test('a crash image deployed over a healthy one is never ready: no old container answers for it', async () => {
    const healthy = sandbox.siteState('pwbi-api-prod', 'staging');
    assert.equal(healthy.state, 'Running');
    const crash = await sandbox.push('pwbi-api:crash', { profile: 'crash', deliver: 'none' });
    assert.deepEqual(await deps.appService.deployImage(slot(), crash.image), { changed: true });

    const first = await look(crash.digest);
    assert.equal(first.configuredDigest, crash.digest);
    assert.equal(first.state, 'Running');
    assert.equal(first.ready, false, `ready right after the deploy: ${first.detail}`);
    assert.equal(sandbox.siteState('pwbi-api-prod', 'staging').servedDigest, undefined);
    for (let i = 0; i < 6; i++) {
      await clock.advance(10_000);
      const later = await look(crash.digest);
      assert.equal(later.ready, false, `ready ${(i + 1) * 10}s after the deploy: ${later.detail}`);
    }
  });

  test('a healthy image is ready only once its own container is up', async () => {
    const next = await sandbox.push('pwbi-api:2.0.0', { deliver: 'none' });
    await deps.appService.deployImage(slot(), next.image);
    const starting = await look(next.digest);
    assert.deepEqual([starting.ready, starting.status], [false, 503]);
    await clock.advance(20_000);
    const up = await look(next.digest);
    assert.deepEqual([up.ready, up.status], [true, 200]);
    assert.equal(sandbox.siteState('pwbi-api-prod', 'staging').servedDigest, next.digest);
  });

  test('stops, configures and starts in that order; a second deploy calls nothing', async () => {
    const next = await sandbox.push('pwbi-api:2.1.0', { deliver: 'none' });
    const from = sandbox.armRequests().length;
    assert.deepEqual(await deps.appService.deployImage(slot(), next.image), { changed: true });
    assert.deepEqual(writes(from), ['POST /stop', 'PATCH /config/web', 'POST /start']);
    const again = sandbox.armRequests().length;
    assert.deepEqual(await deps.appService.deployImage(slot(), next.image), { changed: false });
    assert.deepEqual(writes(again), []);
  });

  test('interrupted after the stop, a retry configures and starts (no second stop)', async () => {
    const next = await sandbox.push('pwbi-api:2.2.0', { deliver: 'none' });
    const before = sandbox.siteState('pwbi-api-prod', 'staging').digest;
    sandbox.injectFault({ op: 'updateConfiguration', kind: '503', times: 1 });
    const from = sandbox.armRequests().length;
    await assert.rejects(deps.appService.deployImage(slot(), next.image), {
      name: 'RetryAfterError',
    });
    assert.deepEqual(
      [sandbox.siteState('pwbi-api-prod', 'staging').digest, (await look(next.digest)).state],
      [before, 'Stopped'],
    );
    const retry = sandbox.armRequests().length;
    assert.deepEqual(await deps.appService.deployImage(slot(), next.image), { changed: true });
    assert.deepEqual(writes(from), [
      'POST /stop',
      'PATCH /config/web',
      'PATCH /config/web',
      'POST /start',
    ]);
    assert.deepEqual(writes(retry), ['PATCH /config/web', 'POST /start']);
    await clock.advance(20_000);
    assert.equal((await look(next.digest)).ready, true);
  });

  test('interrupted between the configuration and the start, a retry only starts', async () => {
    const next = await sandbox.push('pwbi-api:2.3.0', { deliver: 'none' });
    sandbox.injectFault({ op: 'start', kind: '503', times: 1 });
    await assert.rejects(deps.appService.deployImage(slot(), next.image), {
      name: 'RetryAfterError',
    });
    const stopped = await look(next.digest);
    assert.deepEqual(
      [stopped.configuredDigest, stopped.state, stopped.ready],
      [next.digest, 'Stopped', false],
    );
    const retry = sandbox.armRequests().length;
    assert.deepEqual(await deps.appService.deployImage(slot(), next.image), { changed: true });
    assert.deepEqual(writes(retry), ['POST /start']);
    await clock.advance(20_000);
    assert.equal((await look(next.digest)).ready, true);
    const done = sandbox.armRequests().length;
    assert.deepEqual(await deps.appService.deployImage(slot(), next.image), { changed: false });
    assert.deepEqual(writes(done), []);
  });
});
