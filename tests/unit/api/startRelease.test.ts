import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { DurableClient } from 'durable-functions';

import type { AuditStore } from '../../../src/azure/ports/index.js';
import { parseConfig } from '../../../src/domain/config/index.js';
import { startRefusalReasons } from '../../../src/domain/identity/inputSeal.js';
import type { ReleaseInput } from '../../../src/domain/release/index.js';
import type { DurableStatusLike } from '../../../src/domain/view/DurableStatusLike.js';
import { decideStart, startRelease } from '../../../src/functions/durable/startRelease.js';

const config = parseConfig(
  `
pipelines:
  - name: api
    source: { registry: reg.azurecr.io, repository: api, tags: ['*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-dev }
`,
  { settings: {}, localMode: true },
);
const pipeline = config.pipelines[0]!;
const digest = `sha256:${'ab'.repeat(32)}`;
const image = { registry: 'reg.azurecr.io', repository: 'api', tag: '1.0.0', digest };
const key = 'unit-test-seal-key';
const t1 = new Date('2026-03-01T10:00:00.000Z');
const t2 = new Date('2026-03-01T10:20:00.000Z');

/** An audit trail, as the release start reads it before starting a refused release again. */
const trail = (...types: string[]): Pick<AuditStore, 'events'> => ({
  events: (releaseId, pipelineName) =>
    Promise.resolve(
      types.map((type, i) => ({
        eventId: `${releaseId}:${type}:${i}`,
        releaseId,
        pipeline: pipelineName,
        at: t1.toISOString(),
        type,
      })),
    ),
});
const noTrail = trail();

type Status = DurableStatusLike & { name: string };

const status = (runtimeStatus: string, extra: Partial<Status> = {}): Status => ({
  name: 'releasePipeline',
  instanceId: 'x',
  runtimeStatus,
  createdTime: t1.toISOString(),
  lastUpdatedTime: t1.toISOString(),
  ...extra,
});

const refusedStatus = (refusal: 'unverified' | 'alreadyRan' | 'notSealed') =>
  status('Failed', {
    customStatus: {
      startRefused: { orchestrator: 'releasePipeline', refusal, at: t1.toISOString() },
    },
    output: `Orchestrator function 'releasePipeline' failed: ${startRefusalReasons[refusal]}`,
  });

/** An in-memory durable client: one record per instance id, starts recorded. */
function fakeClient(initial: Record<string, Status> = {}) {
  const instances = new Map(Object.entries(initial));
  const starts: { instanceId: string; input: ReleaseInput & { seal: string } }[] = [];
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
      const input = options.input as ReleaseInput & { seal: string };
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

/** Starts the release of `image` on `fake` at `at` (as a push, with an empty audit trail). */
function start(
  fake: ReturnType<typeof fakeClient>,
  at: Date,
  { by = 'acr:ci', audit = noTrail }: { by?: string; audit?: Pick<AuditStore, 'events'> } = {},
) {
  return startRelease(fake.client, pipeline, image, by, key, audit, at);
}

describe('startRelease: whether a start goes ahead (decideStart)', () => {
  it('starts when no instance exists', () => {
    assert.deepEqual(decideStart(undefined), { kind: 'start' });
  });

  it('starts again only an instance refused unverified before doing anything', () => {
    assert.deepEqual(decideStart(refusedStatus('unverified')), { kind: 'restart' });
    const byMessageOnly = { ...refusedStatus('unverified'), customStatus: null };
    assert.deepEqual(decideStart(byMessageOnly), { kind: 'restart' }, 'a host without status');
  });

  it('anything else exists: running, succeeded, a genuine failure, a refused replay or forgery', () => {
    for (const s of [
      status('Running'),
      status('Pending'),
      status('Completed'),
      status('Failed', { customStatus: { status: 'Failed', stage: 'dev' }, output: 'boom' }),
      refusedStatus('alreadyRan'),
      refusedStatus('notSealed'),
      { ...refusedStatus('unverified'), runtimeStatus: 'Running' },
    ]) {
      assert.deepEqual(decideStart(s), { kind: 'exists', runtimeStatus: s.runtimeStatus });
    }
  });
});

describe('startRelease', () => {
  it('seals each start’s input with its own requestedAt; a redelivery of the push starts nothing', async () => {
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

    // The same digest after the release was purged: a new input, so a new one-shot seal.
    fake.instances.clear();
    await start(fake, t2);
    assert.equal(fake.starts.length, 2);
    assert.notEqual(fake.starts[0]?.input.seal, fake.starts[1]?.input.seal);
  });

  it('starts again a release whose start was refused unverified (storage was down)', async () => {
    const fake = fakeClient();
    const { releaseId } = await start(fake, t1);
    fake.instances.set(releaseId, { ...refusedStatus('unverified'), instanceId: releaseId });

    const retried = await start(fake, t2, { by: 'qa@contoso.com' });

    assert.deepEqual(retried, {
      kind: 'started',
      releaseId,
      superseded: [],
      replacedRefusedStart: true,
    });
    assert.equal(fake.starts.length, 2);
    assert.equal(fake.starts[1]?.input.requestedAt, t2.toISOString());
    assert.equal(fake.starts[1]?.input.requestedBy, 'qa@contoso.com');
  });

  it('does not start again a refused release whose audit trail shows it ran before', async () => {
    // A finished release replayed around the API while storage was down leaves a refusal
    // `unverified` behind; its trail still shows the original run.
    const fake = fakeClient();
    const { releaseId } = await start(fake, t1);
    fake.instances.set(releaseId, { ...refusedStatus('unverified'), instanceId: releaseId });
    const ran = trail('forgedStartRefused', 'started', 'Succeeded');
    const again = await start(fake, t2, { audit: ran });
    assert.deepEqual(again, { kind: 'exists', releaseId, runtimeStatus: 'Failed' });
    assert.equal(fake.starts.length, 1);

    const down: Pick<AuditStore, 'events'> = {
      events: () => Promise.reject(new Error('audit events: storage unreachable')),
    };
    await assert.rejects(start(fake, t2, { audit: down }), /storage unreachable/);
    assert.equal(fake.starts.length, 1, 'nothing started while the trail cannot be read');

    const onlyRefusals = trail('forgedStartRefused');
    const started = await start(fake, t2, { audit: onlyRefusals });
    assert.equal(started.kind, 'started');
  });

  it('a genuine Failed release, or a refused replay of one that ran, stays as it is (409)', async () => {
    const releaseId = 'api-abababababababababab';
    for (const existing of [
      status('Failed', { instanceId: releaseId, output: 'deployImage: 500' }),
      { ...refusedStatus('alreadyRan'), instanceId: releaseId },
    ]) {
      const fake = fakeClient();
      const started = await start(fake, t1);
      fake.instances.set(started.releaseId, existing);
      const again = await start(fake, t2);
      assert.deepEqual(again, {
        kind: 'exists',
        releaseId: started.releaseId,
        runtimeStatus: 'Failed',
      });
      assert.equal(fake.starts.length, 1);
    }
  });
});
