import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { staticTokenCredential } from '../../../src/azure/clients/staticTokenCredential.js';
import {
  AzureRequestError,
  ContainerRegistryAdapter,
  createClients,
} from '../../../src/azure/index.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';
import { sandboxSettings } from './support/sandboxSettings.js';

const registry = 'pwbiregistry.azurecr.io';

describe('ContainerRegistryAdapter: the real ContainerRegistryClient against the sandbox', () => {
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

  const adapterFor = (sandbox: Sandbox) =>
    new ContainerRegistryAdapter(createClients(sandboxSettings(sandbox)));

  test('resolves a pushed tag over TLS, after the challenge and token exchange', async () => {
    const pushed = await tls.push('pwbi-api:4.0.0', { deliver: 'none' });
    const found = await adapterFor(tls).resolveTag({
      registry,
      repository: 'pwbi-api',
      tag: '4.0.0',
    });
    assert.deepEqual(found, { status: 'found', digest: pushed.digest });
    const calls = tls
      .armRequests()
      .filter((r) => /^\/(acr|oauth2)\//.test(r.path))
      .map((r) => `${r.method} ${r.path} ${r.status}`);
    assert.deepEqual(calls, [
      'GET /acr/v1/pwbi-api/_tags/4.0.0 401',
      'POST /oauth2/exchange 200',
      'POST /oauth2/token 200',
      'GET /acr/v1/pwbi-api/_tags/4.0.0 200',
    ]);
  });

  test('follows a re-pushed tag to its new digest', async () => {
    const adapter = adapterFor(tls);
    const first = await tls.push('pwbi-api:4.1.0', { deliver: 'none' });
    const tag = { registry, repository: 'pwbi-api', tag: '4.1.0' };
    assert.deepEqual(await adapter.resolveTag(tag), { status: 'found', digest: first.digest });
    const second = await tls.push('pwbi-api:4.1.0', { deliver: 'none', profile: 'errors' });
    assert.notEqual(second.digest, first.digest);
    assert.deepEqual(await adapter.resolveTag(tag), { status: 'found', digest: second.digest });
  });

  test('an unknown tag or repository is missing, not an error', async () => {
    const adapter = adapterFor(tls);
    assert.deepEqual(await adapter.resolveTag({ registry, repository: 'pwbi-api', tag: 'nope' }), {
      status: 'missing',
      missing: 'tag',
      detail: 'TAG_UNKNOWN: the specified tag does not exist',
    });
    const repo = await adapter.resolveTag({ registry, repository: 'nothing-here', tag: '1' });
    assert.equal(repo.status === 'missing' ? repo.missing : repo.status, 'repository');
  });

  test('the token exchange refuses a wrong AAD token: a clear, non-retryable 401', async () => {
    const adapter = new ContainerRegistryAdapter(
      createClients(sandboxSettings(tls), { credential: staticTokenCredential('not-the-token') }),
    );
    await assert.rejects(
      adapter.resolveTag({ registry, repository: 'pwbi-api', tag: '1.0.0' }),
      (err: unknown) => {
        assert.ok(err instanceof AzureRequestError, String(err));
        assert.equal(err.statusCode, 401);
        assert.equal(err.code, 'UNAUTHORIZED');
        assert.match(err.message, /AcrPull/);
        return true;
      },
    );
  });

  test('a throttled lookup is retryable with the registry delay', async () => {
    tls.injectFault({ op: 'getTag', kind: '429', retryAfterSeconds: 7, times: 1 });
    await assert.rejects(
      adapterFor(tls).resolveTag({ registry, repository: 'pwbi-api', tag: '1.0.0' }),
      (err: unknown) => err instanceof RetryAfterError && err.afterMs === 7_000,
    );
    tls.injectFault({ op: 'acrAuth', kind: '503', times: 1 });
    await assert.rejects(
      adapterFor(tls).resolveTag({ registry, repository: 'pwbi-api', tag: '1.0.0' }),
      RetryAfterError,
    );
  });

  test('plain-http sandbox: https://<loginServer> rewritten by the HTTP client', async () => {
    assert.match(plain.registryEndpoints[registry] ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    const pushed = await plain.push('pwbi-api:4.2.0', { deliver: 'none' });
    assert.deepEqual(
      await adapterFor(plain).resolveTag({ registry, repository: 'pwbi-api', tag: '4.2.0' }),
      { status: 'found', digest: pushed.digest },
    );
  });

  test('a registry the sandbox does not serve is never contacted', async () => {
    const before = tls.armRequests().length;
    await assert.rejects(
      adapterFor(tls).resolveTag({ registry: 'foreign.azurecr.io', repository: 'x', tag: '1' }),
      (err: unknown) => err instanceof NonRetryableError && /not served here/.test(err.message),
    );
    assert.equal(tls.armRequests().length, before);
  });
});
