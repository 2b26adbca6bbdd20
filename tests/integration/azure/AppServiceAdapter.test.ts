import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { AppServiceAdapter, AzureRequestError, createClients } from '../../../src/azure/index.js';
import type { SwapHandle, SwapProgress } from '../../../src/azure/ports/index.js';
import { RetryAfterError } from '../../../src/domain/errors.js';
import { sandboxSettings } from './support/sandboxSettings.js';

/** Polls a swap until it is no longer running, without sleeping (the sandbox swap takes 0 s). */
async function pollToEnd(adapter: AppServiceAdapter, first: SwapHandle): Promise<SwapProgress> {
  let handle = first;
  for (let i = 0; i < 10; i++) {
    const progress = await adapter.pollSwap(handle);
    if (progress.status !== 'running') return progress;
    handle = progress.handle ?? handle;
  }
  throw new Error('swap still running after 10 polls');
}

describe('AppServiceAdapter against the sandbox (real SDK over TLS)', () => {
  let sandbox: Sandbox;
  let adapter: AppServiceAdapter;
  let sub: string;
  const prod = () => ({ subscription: sub, resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' });

  before(async () => {
    sandbox = await startSandbox({ azurite: false });
    sub = sandbox.subscriptionId;
    adapter = new AppServiceAdapter(createClients(sandboxSettings(sandbox)));
  });
  after(async () => {
    await sandbox.stop();
  });

  test('getSlot reads image, digest, state and the local URL of production', async () => {
    const state = await adapter.getSlot(prod());
    const truth = sandbox.siteState('pwbi-api-prod');
    assert.equal(state.name, 'production');
    assert.equal(state.digest, truth.digest);
    assert.match(state.image ?? '', /^pwbiregistry\.azurecr\.io\/pwbi-api@sha256:[0-9a-f]{64}$/);
    assert.equal(state.state, 'Running');
    assert.equal(state.hostName, 'pwbi-api-prod.azurewebsites.net');
    assert.equal(state.url, sandbox.hostMap['pwbi-api-prod.azurewebsites.net']);
    assert.deepEqual(await adapter.getSlot({ ...prod(), slot: 'Production' }), state);
  });

  test('listSlots lists production and staging, and only production for a site without slots', async () => {
    const slots = await adapter.listSlots(prod());
    assert.deepEqual(
      slots.map((s) => [s.name, s.hostName]),
      [
        ['production', 'pwbi-api-prod.azurewebsites.net'],
        ['staging', 'pwbi-api-prod-staging.azurewebsites.net'],
      ],
    );
    assert.equal(slots[1]?.digest, sandbox.siteState('pwbi-api-prod', 'staging').digest);
    const dev = await adapter.listSlots({
      subscription: sub,
      resourceGroup: 'pwbi-dev',
      site: 'pwbi-api-dev',
    });
    assert.deepEqual(
      dev.map((s) => s.name),
      ['production'],
    );
  });

  test('deployImage stops the slot, patches linuxFxVersion and starts it; the second call changes nothing', async () => {
    const pushed = await sandbox.push('pwbi-api:1.1.0', { deliver: 'none' });
    const staging = { ...prod(), slot: 'staging' };
    const before = sandbox.armRequests().length;
    assert.deepEqual(await adapter.deployImage(staging, pushed.image), { changed: true });
    assert.equal(sandbox.siteState('pwbi-api-prod', 'staging').digest, pushed.digest);
    assert.deepEqual(await adapter.deployImage(staging, pushed.image), { changed: false });
    const writes = sandbox
      .armRequests()
      .slice(before)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path.replace(/^.*\/slots\/staging/i, '')}`);
    assert.deepEqual(writes, ['POST /stop', 'PATCH /config/web', 'POST /start']);
    assert.equal((await adapter.getSlot(staging)).digest, pushed.digest);
  });

  test('deployImage refuses an image that is not registry/repo@digest or :tag', async () => {
    await assert.rejects(adapter.deployImage(prod(), 'DOCKER|evil'), { name: 'ValidationError' });
  });

  test('beginSwap returns a serialisable handle at once; pollSwap drives it to success', async () => {
    const pushed = await sandbox.push('pwbi-api:1.2.0', { deliver: 'none' });
    await adapter.deployImage({ ...prod(), slot: 'staging' }, pushed.image);
    const oldProd = sandbox.siteState('pwbi-api-prod').digest;
    const handle = await adapter.beginSwap(prod(), 'staging');
    const restored = JSON.parse(JSON.stringify(handle)) as SwapHandle;
    assert.equal(sandbox.siteState('pwbi-api-prod').digest, oldProd);
    const first = await adapter.pollSwap(restored);
    assert.equal(first.status, 'running');
    const next = first.status === 'running' ? first.handle : undefined;
    assert.ok(
      next !== undefined && next.pollerState !== restored.pollerState,
      'a fresh Location comes back',
    );
    assert.deepEqual(await pollToEnd(adapter, next), { status: 'succeeded' });
    assert.equal(sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
    assert.equal(sandbox.siteState('pwbi-api-prod', 'staging').digest, oldProd);
    assert.deepEqual(await adapter.pollSwap(restored), { status: 'succeeded' });
  });

  test('a second swap while one runs is a 409 AzureRequestError', async () => {
    const first = await adapter.beginSwap(prod(), 'staging');
    await assert.rejects(adapter.beginSwap(prod(), 'staging'), (err: unknown) => {
      assert.ok(err instanceof AzureRequestError);
      assert.equal(err.name, 'NonRetryableError');
      assert.equal(err.statusCode, 409);
      assert.match(err.message, /another swap operation/);
      return true;
    });
    assert.equal((await pollToEnd(adapter, first)).status, 'succeeded');
  });

  test('a deploy while a swap runs on the site is a retryable 409 "operation in progress"', async () => {
    const pushed = await sandbox.push('pwbi-api:1.3.0', { deliver: 'none' });
    const swap = await adapter.beginSwap(prod(), 'staging');
    await assert.rejects(adapter.deployImage({ ...prod(), slot: 'staging' }, pushed.image), {
      name: 'RetryAfterError',
      message: /409 Conflict: .*another operation is in progress/,
    });
    assert.equal((await pollToEnd(adapter, swap)).status, 'succeeded');
    assert.deepEqual(await adapter.deployImage({ ...prod(), slot: 'staging' }, pushed.image), {
      changed: true,
    });
  });

  test('a swap whose operation fails polls as failed with the reason', async () => {
    sandbox.injectFault({ op: 'swap', kind: 'fail-lro', times: 1 });
    const handle = await adapter.beginSwap(prod(), 'staging');
    const progress = await pollToEnd(adapter, handle);
    assert.equal(progress.status, 'failed');
    assert.match(progress.status === 'failed' ? progress.detail : '', /injected fault/);
  });

  test('throttling becomes RetryAfterError with the Retry-After delay', async () => {
    sandbox.injectFault({ op: 'get', kind: '429', times: 1, retryAfterSeconds: 7 });
    await assert.rejects(adapter.getSlot(prod()), (err: unknown) => {
      assert.ok(err instanceof RetryAfterError);
      assert.equal(err.afterMs, 7000);
      return true;
    });
    sandbox.injectFault({ op: 'swap', kind: '503', times: 1, retryAfterSeconds: 3 });
    await assert.rejects(adapter.beginSwap(prod(), 'staging'), (err: unknown) => {
      assert.ok(err instanceof RetryAfterError);
      assert.equal(err.afterMs, 3000);
      return true;
    });
  });

  test('an unknown site is a 404 AzureRequestError with the ARM code', async () => {
    await assert.rejects(adapter.getSlot({ ...prod(), site: 'nope' }), (err: unknown) => {
      assert.ok(err instanceof AzureRequestError);
      assert.equal(err.statusCode, 404);
      assert.equal(err.code, 'ResourceNotFound');
      assert.match(err.message, /^getSlot pwbi-prod\/nope: 404 ResourceNotFound/);
      return true;
    });
  });
});
