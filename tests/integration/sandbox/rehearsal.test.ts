import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { WebSiteManagementClient } from '@azure/arm-appservice';
import { BlobServiceClient } from '@azure/storage-blob';

import type { ArmAuditEntry, ArmedFault, AuditLine, FaultCount } from '../../../sandbox/index.js';
import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { VirtualClock } from '../../../shared/clock/index.js';
import { armClient } from './armClient.js';

const RG = 'pwbi-prod';
const SITE = 'pwbi-api-prod';

void describe('sandbox rehearsal tooling: probabilistic faults, armed-fault list, attributed ARM calls, audit reads', () => {
  let sandbox: Sandbox;
  let web: WebSiteManagementClient;

  before(async () => {
    sandbox = await startSandbox({ clock: new VirtualClock(Date.UTC(2026, 0, 1, 10)) });
    web = armClient(sandbox);
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('arms a probabilistic fault through the admin API, lists it, and fails about that share of calls', async () => {
    const armed = await fetch(`${sandbox.adminUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'getSlot', status: 503, probability: 0.3 }),
    });
    assert.equal(armed.status, 200);
    await armed.arrayBuffer();
    let failed = 0;
    for (let i = 0; i < 60; i += 1) {
      try {
        await web.webApps.getSlot(RG, SITE, 'staging');
      } catch {
        failed += 1;
      }
    }
    assert.ok(failed > 6 && failed < 36, `${failed} of 60 failed`);
    const listed = (await (await fetch(`${sandbox.adminUrl}/faults`)).json()) as {
      armed: ArmedFault[];
      fired: FaultCount[];
    };
    assert.deepEqual(
      listed.armed.map((f) => [f.op, f.kind, f.probability, f.left, f.fired]),
      [['getSlot', '503', 0.3, null, failed]],
    );
    assert.deepEqual(listed.fired, [{ op: 'getSlot', kind: '503', fired: failed }]);
    const cleared = await fetch(`${sandbox.adminUrl}/faults`, { method: 'DELETE' });
    await cleared.arrayBuffer();
    assert.deepEqual(sandbox.faults(), []);
    assert.deepEqual(sandbox.faultsFired(), listed.fired, 'what fired stays counted');
  });

  void it('records each ARM call with its operation, site, slot, digest, request ids and fault', async () => {
    const pushed = await sandbox.push('pwbi-api:4.0.0');
    sandbox.injectFault({
      operation: 'updateConfiguration',
      status: 429,
      probability: 1,
      times: 1,
    });
    await assert.rejects(
      web.webApps.updateConfigurationSlot(RG, SITE, 'staging', {
        linuxFxVersion: `DOCKER|${pushed.image}`,
      }),
    );
    await web.webApps.updateConfigurationSlot(RG, SITE, 'staging', {
      linuxFxVersion: `DOCKER|${pushed.image}`,
    });
    const updates = (
      (await (await fetch(`${sandbox.adminUrl}/arm-requests`)).json()) as {
        requests: ArmAuditEntry[];
      }
    ).requests.filter((r) => r.operation === 'updateConfiguration');
    assert.deepEqual(
      updates.map((r) => [r.status, r.site, r.slot, r.fault]),
      [
        [429, SITE, 'staging', '429'],
        [200, SITE, 'staging', undefined],
      ],
    );
    assert.equal(
      updates[1]?.digest,
      pushed.digest,
      'a deploy is attributed to the digest it deployed',
    );
    for (const r of updates) {
      assert.match(r.clientRequestId ?? '', /^[0-9a-f-]{36}$/, 'the SDK sends one per request');
      assert.ok((r.correlationId ?? '') !== '');
    }
    assert.notEqual(updates[0]?.clientRequestId, updates[1]?.clientRequestId);
  });

  void it('reads the Blob audit trail of a release, oldest first, once per event', async () => {
    const container = BlobServiceClient.fromConnectionString(
      sandbox.blobConnectionString,
    ).getContainerClient('slotpilot-audit');
    await container.createIfNotExists();
    const line = (eventId: string, releaseId: string, at: string): string =>
      JSON.stringify({ eventId, releaseId, pipeline: 'pwbi-api', at, type: eventId });
    const log = container.getAppendBlobClient('audit/pwbi-api/2026-01-01.jsonl');
    await log.createIfNotExists();
    const text =
      [
        line('started', 'pwbi-api-aa', '2026-01-01T10:00:00.000Z'),
        line('other', 'pwbi-api-bb', '2026-01-01T10:00:01.000Z'),
        line('approved', 'pwbi-api-aa', '2026-01-01T10:05:00.000Z'),
        line('approved', 'pwbi-api-aa', '2026-01-01T10:05:00.000Z'),
        '{"torn":',
      ].join('\n') + '\n';
    await log.appendBlock(text, Buffer.byteLength(text));
    const later = container.getAppendBlobClient('audit/pwbi-api/2026-01-02.jsonl');
    await later.createIfNotExists();
    const next = line('swapped', 'pwbi-api-aa', '2026-01-02T09:00:00.000Z') + '\n';
    await later.appendBlock(next, Buffer.byteLength(next));

    const trail = await sandbox.auditTrail('pwbi-api', 'pwbi-api-aa');
    assert.deepEqual(
      trail.map((e) => e.type),
      ['started', 'approved', 'swapped'],
    );
    const viaAdmin = (await (
      await fetch(`${sandbox.adminUrl}/audit/pwbi-api/pwbi-api-aa`)
    ).json()) as { events: AuditLine[] };
    assert.deepEqual(viaAdmin.events, trail);
    assert.deepEqual(await sandbox.auditTrail('pwbi-api', 'pwbi-api-none'), []);
    assert.deepEqual(await sandbox.auditTrail('pwbi-api', 'pwbi-api-aa', 'no-such-container'), []);
  });
});
