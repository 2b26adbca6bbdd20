import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { BlobAuditStore } from '../../../src/azure/audit/BlobAuditStore.js';
import { type AzureClients, createClients } from '../../../src/azure/index.js';
import type { AuditEvent } from '../../../src/azure/ports/index.js';
import { RetryAfterError, ValidationError } from '../../../src/domain/errors.js';
import { sandboxSettings } from './support/sandboxSettings.js';

const event = (
  eventId: string,
  at: string,
  releaseId = 'pwbi-api-0123456789abcdef0123',
): AuditEvent => ({
  eventId,
  releaseId,
  pipeline: 'pwbi-api',
  at,
  type: 'stage.deployed',
  stage: 'dev',
  detail: { digest: 'sha256:' + 'a'.repeat(64) },
});

async function text(clients: AzureClients, name: string): Promise<string> {
  return (await clients.auditContainer.getBlobClient(name).downloadToBuffer()).toString('utf8');
}

describe('BlobAuditStore against Azurite (sandbox)', () => {
  let sandbox: Sandbox;
  let clients: AzureClients;
  let store: BlobAuditStore;

  before(async () => {
    sandbox = await startSandbox({ tls: false });
    clients = createClients(sandboxSettings(sandbox, { SLOTPILOT_AUDIT_CONTAINER: 'audit-it' }));
    store = new BlobAuditStore(clients.auditContainer);
  });
  after(async () => {
    await sandbox.stop();
  });

  test('append writes one JSON line per event to the pipeline day log, once per event id', async () => {
    await store.append(event('e1', '2026-11-26T10:00:00.000Z'));
    await store.append(event('e1', '2026-11-26T10:00:00.000Z'));
    await new BlobAuditStore(clients.auditContainer).append(
      event('e1', '2026-11-26T10:00:00.000Z'),
    );
    await store.append(event('e2', '2026-11-26T10:05:00.000Z'));
    const lines = (await text(clients, 'audit/pwbi-api/2026-11-26.jsonl')).trim().split('\n');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as AuditEvent).eventId),
      ['e1', 'e2'],
    );
    const props = await clients.auditContainer
      .getBlobClient('audit/pwbi-api/2026-11-26.jsonl')
      .getProperties();
    assert.equal(props.blobType, 'AppendBlob');
  });

  test('events returns a release’s events across days in time order, without duplicates or other releases', async () => {
    await store.append(event('d2', '2026-11-27T00:00:01.000Z', 'rel-b'));
    await store.append(event('d1', '2026-11-26T23:59:59.000Z', 'rel-b'));
    await store.append(event('x1', '2026-11-26T23:59:59.500Z', 'rel-other'));
    const events = await store.events('rel-b', 'pwbi-api');
    assert.deepEqual(
      events.map((e) => e.eventId),
      ['d1', 'd2'],
    );
    assert.deepEqual(events[0], event('d1', '2026-11-26T23:59:59.000Z', 'rel-b'));
    assert.deepEqual(await store.events('never', 'pwbi-api'), []);
  });

  test('an attempt that stopped after its marker is completed by the retry, exactly once', async () => {
    const stalled = event('s1', '2026-11-28T08:00:00.000Z', 'rel-c');
    const marker = clients.auditContainer.getBlockBlobClient('markers/pwbi-api/rel-c/s1');
    await marker.upload('', 0, { metadata: { state: 'pending', day: '2026-11-28' } });
    await assert.rejects(store.append(stalled), RetryAfterError);
    const recovering = new BlobAuditStore(clients.auditContainer, { pendingGraceMs: 0 });
    await recovering.append(stalled);
    await recovering.append(stalled);
    assert.equal(
      (await text(clients, 'audit/pwbi-api/2026-11-28.jsonl')).trim().split('\n').length,
      1,
    );
    assert.equal((await marker.getProperties()).metadata?.['state'], 'appended');

    // Stopped after the append but before flagging the marker: the line is not written again.
    const second = event('s2', '2026-11-28T08:01:00.000Z', 'rel-c');
    await recovering.append(second);
    await clients.auditContainer
      .getBlockBlobClient('markers/pwbi-api/rel-c/s2')
      .setMetadata({ state: 'pending', day: '2026-11-28' });
    await recovering.append(second);
    assert.equal(
      (await text(clients, 'audit/pwbi-api/2026-11-28.jsonl')).trim().split('\n').length,
      2,
    );
  });

  test('release records round-trip; a versioned record never goes back to an older version', async () => {
    assert.equal(await store.getRelease('rel-d'), undefined);
    await store.putRelease('rel-d', { status: 'Running', version: 2 });
    await store.putRelease('rel-d', { status: 'Stale', version: 1 });
    assert.deepEqual(await store.getRelease('rel-d'), { status: 'Running', version: 2 });
    await store.putRelease('rel-d', { status: 'Succeeded', version: 3 });
    assert.deepEqual(await store.getRelease('rel-d'), { status: 'Succeeded', version: 3 });
    await store.putRelease('rel-e', { status: 'Running' });
    await store.putRelease('rel-e', { status: 'Failed' });
    assert.deepEqual(await store.getRelease('rel-e'), { status: 'Failed' });
    assert.equal(
      (JSON.parse(await text(clients, 'releases/rel-d.json')) as { status: string }).status,
      'Succeeded',
    );
  });

  test('bad times and names are ValidationErrors naming the field', async () => {
    await assert.rejects(
      store.append(event('z', 'yesterday')),
      (err: unknown) => err instanceof ValidationError && err.field === 'at',
    );
    await assert.rejects(
      store.append({ ...event('z', '2026-11-26T10:00:00Z'), pipeline: '' }),
      (err: unknown) => err instanceof ValidationError && err.field === 'pipeline',
    );
  });

  test('names cannot escape their folder', async () => {
    await store.append(event('../../releases/x', '2026-11-29T00:00:00.000Z', 'a/b'));
    const names: string[] = [];
    for await (const b of clients.auditContainer.listBlobsFlat({ prefix: 'markers/pwbi-api/a' }))
      names.push(b.name);
    assert.deepEqual(names, ['markers/pwbi-api/a%2Fb/%2E%2E%2F%2E%2E%2Freleases%2Fx']);
  });
});
