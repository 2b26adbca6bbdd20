import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { DurableClient } from 'durable-functions';

import type { ReleaseInput } from '../../../src/domain/release/index.js';
import type { DurableStatusLike } from '../../../src/domain/view/DurableStatusLike.js';
import { startRelease } from '../../../src/functions/durable/startRelease.js';
import { devOnlyPipeline } from '../support/devOnlyPipeline.js';

const pipeline = devOnlyPipeline();
const digest = `sha256:${'ab'.repeat(32)}`;
const image = { registry: 'reg.azurecr.io', repository: 'api', tag: '1.0.0', digest };
const t1 = new Date('2026-03-01T10:00:00.000Z');
const t2 = new Date('2026-03-01T10:20:00.000Z');

type Status = DurableStatusLike & { name: string };

const status = (runtimeStatus: string, extra: Partial<Status> = {}): Status => ({
  name: 'releasePipeline',
  instanceId: 'x',
  runtimeStatus,
  createdTime: t1.toISOString(),
  lastUpdatedTime: t1.toISOString(),
  ...extra,
});

/** An in-memory durable client: one record per instance id, starts recorded. */
function fakeClient(initial: Record<string, Status> = {}) {
  const instances = new Map(Object.entries(initial));
  const starts: { instanceId: string; input: ReleaseInput }[] = [];
  const client = {
    getStatus: (id: string) => {
      const found = instances.get(id);
      return found === undefined
        ? Promise.reject(new Error(`HTTP 404: No instance with ID '${id}'`))
        : Promise.resolve(found);
    },
    startNew: (_name: string, options: { instanceId: string; input: unknown }) => {
      const current = instances.get(options.instanceId);
      if (current !== undefined && ['Running', 'Pending'].includes(current.runtimeStatus)) {
        return Promise.reject(new Error('HTTP 409: already running'));
      }
      const input = options.input as ReleaseInput;
      starts.push({ instanceId: options.instanceId, input });
      instances.set(
        options.instanceId,
        status('Pending', { instanceId: options.instanceId, input }),
      );
      return Promise.resolve(options.instanceId);
    },
    getStatusBy: () => Promise.resolve([...instances.values()]),
    raiseEvent: () => Promise.resolve(),
  };
  return { client: client as unknown as DurableClient, instances, starts };
}

/** Starts the release of `image` on `fake` at `at` (as a push by default). */
function start(fake: ReturnType<typeof fakeClient>, at: Date, by = 'ci@contoso.com') {
  return startRelease(fake.client, { pipeline, image, requestedBy: by, now: at });
}

describe('startRelease', () => {
  it('records each start’s requestedAt; a redelivery of the push starts nothing', async () => {
    const fake = fakeClient();
    const first = await start(fake, t1);
    assert.equal(first.kind, 'started');
    assert.equal(fake.starts.length, 1);
    assert.equal(fake.starts[0]?.input.requestedAt, t1.toISOString());

    const again = await start(fake, t2);
    assert.deepEqual(again, {
      kind: 'exists',
      releaseId: first.releaseId,
      runtimeStatus: 'Pending',
    });
    assert.equal(fake.starts.length, 1, 'a duplicate delivery starts nothing');

    // The same digest after the release was purged: it starts again.
    fake.instances.clear();
    await start(fake, t2);
    assert.equal(fake.starts.length, 2);
    assert.equal(fake.starts[1]?.input.requestedAt, t2.toISOString());
  });

  it('a Failed or finished release stays as it is (409)', async () => {
    const releaseId = 'api-abababababababababab';
    for (const existing of [
      status('Failed', { instanceId: releaseId, output: 'deployImage: 500' }),
      status('Completed', { instanceId: releaseId }),
    ]) {
      const fake = fakeClient();
      const started = await start(fake, t1);
      fake.instances.set(started.releaseId, existing);
      const again = await start(fake, t2);
      assert.deepEqual(again, {
        kind: 'exists',
        releaseId: started.releaseId,
        runtimeStatus: existing.runtimeStatus,
      });
      assert.equal(fake.starts.length, 1);
    }
  });
});
