import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { AppServiceAdapter, createClients } from '../../../src/azure/index.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';
import { sandboxSettings } from './support/sandboxSettings.js';

describe('createClients transports against the sandbox', () => {
  let tls: Sandbox;
  let plain: Sandbox;

  before(async () => {
    [tls, plain] = await Promise.all([
      startSandbox({ azurite: false }),
      startSandbox({ azurite: false, tls: false }),
    ]);
  });
  after(async () => {
    await Promise.all([tls.stop(), plain.stop()]);
  });

  test('TLS endpoints with the sandbox CA trusted through client options', async () => {
    assert.match(tls.armEndpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    const adapter = new AppServiceAdapter(createClients(sandboxSettings(tls)));
    const state = await adapter.getSlot({
      subscription: tls.subscriptionId,
      resourceGroup: 'pwbi-dev',
      site: 'pwbi-api-dev',
    });
    assert.equal(state.digest, tls.siteState('pwbi-api-dev').digest);
    assert.ok(tls.armRequests().some((r) => r.path.endsWith('/sites/pwbi-api-dev/config/web')));
  });

  test('TLS verification stays on: without the CA the call fails as untrusted, not retryable', async () => {
    const { SLOTPILOT_CA_CERT: _ca, ...untrusted } = sandboxSettings(tls);
    const adapter = new AppServiceAdapter(createClients(untrusted));
    await assert.rejects(
      adapter.getSlot({
        subscription: tls.subscriptionId,
        resourceGroup: 'pwbi-dev',
        site: 'pwbi-api-dev',
      }),
      (err: unknown) => {
        assert.ok(err instanceof NonRetryableError, String(err));
        assert.match(err.message, /certificate/i);
        return true;
      },
    );
  });

  test('plain-http endpoints: public URLs rewritten by the HTTP client, swap polls included', async () => {
    assert.match(plain.armEndpoint, /^http:\/\//);
    const adapter = new AppServiceAdapter(createClients(sandboxSettings(plain)));
    const site = {
      subscription: plain.subscriptionId,
      resourceGroup: 'pwbi-prod',
      site: 'pwbi-api-prod',
    };
    const pushed = await plain.push('pwbi-api:3.0.0', { deliver: 'none' });
    await adapter.deployImage({ ...site, slot: 'staging' }, pushed.image);
    const handle = await adapter.beginSwap(site, 'staging');
    assert.match(handle.pollerState, /https:\/\/management\.azure\.com\/subscriptions\//);
    let status = 'running';
    for (let i = 0; i < 10 && status === 'running'; i++)
      status = (await adapter.pollSwap(handle)).status;
    assert.equal(status, 'succeeded');
    assert.equal(plain.siteState('pwbi-api-prod').digest, pushed.digest);
  });
});

describe('createClients request timeout', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ azurite: false });
  });
  after(async () => {
    await sandbox.stop();
  });

  test('a hung ARM call fails after the request timeout as RetryAfterError', async (t) => {
    const adapter = new AppServiceAdapter(
      createClients(sandboxSettings(sandbox), { requestTimeoutMs: 300 }),
    );
    sandbox.injectFault({ op: 'get', kind: 'hang', times: 1 });
    const started = Date.now();
    await assert.rejects(
      adapter.getSlot({
        subscription: sandbox.subscriptionId,
        resourceGroup: 'pwbi-dev',
        site: 'pwbi-api-dev',
      }),
      (err: unknown) => {
        assert.ok(err instanceof RetryAfterError, String(err));
        assert.match(err.message, /no answer within the request timeout/);
        return true;
      },
    );
    // The message proves the request timeout fired; how long it took is a figure, not a verdict.
    t.diagnostic(`hung call gave up after ${Date.now() - started} ms (request timeout 300 ms)`);
  });
});
