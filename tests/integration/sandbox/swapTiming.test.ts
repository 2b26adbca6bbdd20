import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { WebSiteManagementClient } from '@azure/arm-appservice';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { armClient } from './armClient.js';

void describe('sandbox swap timing on the sandbox clock', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let web: WebSiteManagementClient;

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
    sandbox = await startSandbox({
      clock,
      azurite: false,
      scenario: {
        registry: { images: [{ image: 'pwbi-api:1.0.0' }, { image: 'pwbi-api:2.0.0' }] },
        sites: [
          {
            name: 'app',
            resourceGroup: 'rg',
            image: 'pwbi-api:1.0.0',
            slots: [{ name: 'staging', image: 'pwbi-api:2.0.0' }],
          },
        ],
        swap: { duration: '45s', polls: 1 },
      },
    });
    web = armClient(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('keeps answering 202 until the swap duration has passed, then swaps (a resumable poller)', async () => {
    const staged = sandbox.siteState('app', 'staging').digest;
    const poller = web.webApps.swapSlot('rg', 'app', 'staging', {
      targetSlot: 'production',
      preserveVnet: true,
    });
    await poller.submitted();
    await poller.poll();
    await poller.poll();
    assert.equal(poller.isDone, false);
    assert.notEqual(sandbox.siteState('app').digest, staged);
    assert.equal((await web.webApps.getSlot('rg', 'app', 'staging')).targetSwapSlot, 'Production');
    await clock.advance(45_000);
    await poller.poll();
    assert.equal(poller.isDone, true);
    assert.equal(sandbox.siteState('app').digest, staged);
    const status = (await web.webApps.get('rg', 'app')).slotSwapStatus;
    assert.equal(
      status?.timestampUtc?.toISOString(),
      new Date(Date.UTC(2026, 0, 1, 10, 0, 45)).toISOString(),
    );
  });

  void it('completes an unpolled swap a minute after its duration, as Azure would without a watcher', async () => {
    const staged = sandbox.siteState('app', 'staging').digest;
    const poller = web.webApps.swapSlot('rg', 'app', 'staging', {
      targetSlot: 'production',
      preserveVnet: true,
    });
    await poller.submitted();
    await clock.advance(45_000 + 60_000);
    assert.equal(sandbox.siteState('app').digest, staged);
  });
});
