import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ContainerRegistryClient } from '@azure/container-registry';
import { RestError } from '@azure/core-rest-pipeline';

import { AzureRequestError } from '../../../src/azure/errors/AzureRequestError.js';
import { ContainerRegistryAdapter } from '../../../src/azure/registry/index.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';

const ref = { registry: 'reg.azurecr.io', repository: 'api', tag: '1.4.2' };
const digest = `sha256:${'ef'.repeat(32)}`;

/** A RestError as core-client raises it for an ACR error body `{errors:[{code,message}]}`. */
function acrRestError(
  statusCode: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): RestError {
  const err = new RestError(`{"errors":[{"code":"${code}","message":"${message}"}]}`, {
    statusCode,
  });
  err.details = { errors: [{ code, message }] };
  Object.defineProperty(err, 'response', {
    value: { status: statusCode, headers: { get: (n: string) => headers[n.toLowerCase()] } },
  });
  return err;
}

/** An adapter over a fake registry client whose tag lookup does `behave`. */
function adapterThat(behave: () => Promise<{ digest: string }>) {
  const asked: string[] = [];
  const client = {
    getArtifact: (repository: string, tag: string) => ({
      getTagProperties: (t: string) => {
        asked.push(`${repository}:${tag}:${t}`);
        return behave();
      },
    }),
  } as unknown as Pick<ContainerRegistryClient, 'getArtifact'>;
  const servers: string[] = [];
  const adapter = new ContainerRegistryAdapter({
    registry: (loginServer) => {
      servers.push(loginServer);
      return client;
    },
  });
  return { adapter, asked, servers };
}

describe('ContainerRegistryAdapter.resolveTag', () => {
  it('returns the digest the tag points at, asking the registry of the reference', async () => {
    const { adapter, asked, servers } = adapterThat(() => Promise.resolve({ digest }));
    assert.deepEqual(await adapter.resolveTag(ref), { status: 'found', digest });
    assert.deepEqual(asked, ['api:1.4.2:1.4.2']);
    assert.deepEqual(servers, ['reg.azurecr.io']);
  });

  it('reports TAG_UNKNOWN and NAME_UNKNOWN as missing, not as errors', async () => {
    const tag = adapterThat(() =>
      Promise.reject(acrRestError(404, 'TAG_UNKNOWN', 'the specified tag does not exist')),
    );
    assert.deepEqual(await tag.adapter.resolveTag(ref), {
      status: 'missing',
      missing: 'tag',
      detail: 'TAG_UNKNOWN: the specified tag does not exist',
    });
    const repo = adapterThat(() =>
      Promise.reject(acrRestError(404, 'NAME_UNKNOWN', 'repository name not known to registry')),
    );
    const missing = await repo.adapter.resolveTag(ref);
    assert.equal(missing.status === 'missing' ? missing.missing : '', 'repository');
  });

  it('makes 429 and 5xx retryable with the server delay', async () => {
    const throttled = adapterThat(() =>
      Promise.reject(acrRestError(429, 'TOOMANYREQUESTS', 'slow down', { 'retry-after': '9' })),
    );
    await assert.rejects(throttled.adapter.resolveTag(ref), (err: unknown) => {
      assert.ok(err instanceof RetryAfterError, String(err));
      assert.equal(err.afterMs, 9_000);
      assert.match(err.message, /resolveTag reg\.azurecr\.io\/api:1\.4\.2: 429 TOOMANYREQUESTS/);
      return true;
    });
    const down = adapterThat(() => Promise.reject(acrRestError(500, 'INTERNAL_ERROR', 'oops')));
    await assert.rejects(down.adapter.resolveTag(ref), RetryAfterError);
    const unreachable = adapterThat(() =>
      Promise.reject(new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' })),
    );
    await assert.rejects(unreachable.adapter.resolveTag(ref), RetryAfterError);
  });

  it('says a refused identity needs pull rights (401/403, not retryable)', async () => {
    for (const status of [401, 403]) {
      const refused = adapterThat(() =>
        Promise.reject(acrRestError(status, 'UNAUTHORIZED', 'authentication required')),
      );
      await assert.rejects(refused.adapter.resolveTag(ref), (err: unknown) => {
        assert.ok(err instanceof AzureRequestError, String(err));
        assert.equal(err.statusCode, status);
        assert.equal(err.code, 'UNAUTHORIZED');
        assert.match(err.message, /AcrPull/);
        return true;
      });
    }
  });

  it('refuses an answer without a sha256 digest, and unusable token answers', async () => {
    const odd = adapterThat(() => Promise.resolve({ digest: 'md5:abc' }));
    await assert.rejects(odd.adapter.resolveTag(ref), NonRetryableError);
    const jwt = adapterThat(() =>
      Promise.reject(new Error('Invalid JWT structure from ACR refresh token.')),
    );
    await assert.rejects(jwt.adapter.resolveTag(ref), /resolveTag .*Invalid JWT/);
  });

  it('passes on a registry the client factory cannot reach', async () => {
    const adapter = new ContainerRegistryAdapter({
      registry: (loginServer) => {
        throw new NonRetryableError(`Registry ${loginServer} is not served here`);
      },
    });
    await assert.rejects(adapter.resolveTag(ref), /Registry reg\.azurecr\.io is not served here/);
  });
});
