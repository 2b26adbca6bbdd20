import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { BlobAuditStore } from '../../src/azure/audit/BlobAuditStore.js';
import { createClients } from '../../src/azure/index.js';
import type { ReleaseSummary, ReleaseView } from '../../src/domain/view/index.js';
import { appSettingsFor } from './support/appSettings.js';
import { armWrites, ended, postJson, startUrl } from './support/durableKeyAttacks.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

/** The instance's status URL with extra query parameters (the system key stays on it). */
function withQuery(statusUri: string, query: Record<string, string>): string {
  const url = new URL(statusUri);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

/** The same-id restart route of the Durable HTTP API, keyed like `statusQueryGetUri`. */
function restartUrl(statusUri: string): string {
  const url = new URL(statusUri);
  url.pathname += '/restart';
  url.searchParams.set('restartWithNewInstanceId', 'false');
  return url.toString();
}

/**
 * What an attacker who can read a durable status URL (`links.status` of the release view) can
 * do with the system key it carries once a release has finished: read its sealed input
 * (`showInput=true`) and start `releasePipeline` again under the same instance id with it, which
 * would redeploy the old digest to dev and overwrite the release's outcome in the durable store.
 */
describe('security: a finished release started again around the API is refused', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('restarting a canceled release with its own sealed input fails at step one: nothing deployed, audited, the view keeps Canceled', async () => {
    // Given a release deployed to dev and canceled while it waited for staging's approval
    const old = await world.push('10.0.0');
    await world.untilWaitingFor(old.releaseId, 'staging');
    await world.cancel(old.releaseId, users.qaLead, 'not this one');
    assert.equal((await world.untilEnded(old.releaseId)).status, 'Canceled');
    const original = (await world.api.get(old.releaseId)).body as ReleaseView;
    assert.equal(original.status, 'Canceled');
    assert.equal(original.startRefused, undefined);

    // And a newer release now runs on dev
    const next = await world.push('10.1.0');
    await world.untilWaitingFor(next.releaseId, 'staging');
    assert.equal(world.sandbox.siteState('pwbi-api-dev').digest, next.digest);

    // When an attacker reads the old release's sealed input through its status URL
    const statusUri = original.links.status;
    const res = await fetch(withQuery(statusUri, { showInput: 'true' }));
    const body = (await res.json()) as { runtimeStatus: string; input: { seal?: unknown } };
    assert.equal(body.runtimeStatus, 'Completed');
    assert.equal(typeof body.input.seal, 'string', 'the status URL shows the sealed input');
    const writesBefore = armWrites(world).length;

    // And starts releasePipeline again under the same id with it
    const url = startUrl(statusUri, 'releasePipeline', old.releaseId);
    assert.equal(await postJson(url, body.input), 202, 'the durable API accepts the start');

    // Then it fails at once, saying why, having run only the check and its audit line
    const first = await ended(world, old.releaseId);
    assert.equal(first.status.runtimeStatus, 'Failed');
    assert.match(
      JSON.stringify(first.status.output),
      /sealed input already ran once: started again outside its API/,
    );
    assert.deepEqual(first.scheduled, ['recordAudit', 'verifyOrchestrationInput']);

    // And the same-id restart route is refused the same way
    const again = await fetch(restartUrl(statusUri), { method: 'POST' });
    await again.arrayBuffer();
    assert.equal(again.status, 202);
    const second = await ended(world, old.releaseId);
    assert.equal(second.status.runtimeStatus, 'Failed');
    assert.deepEqual(second.scheduled, ['recordAudit', 'verifyOrchestrationInput']);
    await world.host.settle();

    // And App Service saw no write: dev still runs the newer release, untouched
    assert.equal(armWrites(world).length, writesBefore, 'no ARM write since the restarts');
    const dev = world.sandbox.siteState('pwbi-api-dev');
    assert.equal(dev.digest, next.digest);
    assert.equal(dev.state, 'Running');

    // And the audit trail has the refusals (read through the real Blob adapter), without the seal
    const settings = appSettingsFor(world.sandbox, 'unused.yaml');
    const audit = new BlobAuditStore(createClients(settings).auditContainer);
    const events = await audit.events(old.releaseId, 'pwbi-api');
    const refusals = events.filter((e) => e.type === 'forgedStartRefused');
    assert.equal(refusals.length, 2, 'both restarts audited');
    assert.equal(refusals[0]?.detail?.['refusal'], 'alreadyRan');
    assert.ok(!JSON.stringify(refusals).includes(String(body.input.seal)), 'no seal audited');
    assert.ok(
      events.some((e) => e.eventId === `${old.releaseId}:staging:Canceled`),
      'the original outcome is in the trail',
    );

    // And the release's one claim names the execution that ran it by Durable's execution id
    const container = createClients(settings).auditContainer;
    const claims: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `starts/${old.releaseId}/` })) {
      claims.push((await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
    }
    assert.equal(claims.length, 1);
    const claim = JSON.parse(claims[0] ?? '{}') as { execution?: string; startedAt?: string };
    assert.match(claim.execution ?? '', /^\S+\|[0-9a-f]{32}$/, 'execution id from the history');
    assert.equal(claim.startedAt, original.createdAt);

    // And the release view and the list still show the original outcome, saying a start was refused
    const view = (await world.api.get(old.releaseId)).body as ReleaseView;
    assert.equal(view.status, 'Canceled');
    assert.equal(view.stage, 'staging');
    assert.equal(view.digest, old.digest);
    assert.deepEqual(
      view.stages.map((s) => [s.name, s.status]),
      [
        ['dev', 'Succeeded'],
        ['staging', 'Canceled'],
        ['production', 'Skipped'],
      ],
    );
    assert.equal(view.startRefused?.refusal, 'alreadyRan');
    assert.equal(view.startRefused?.original, 'recovered');
    assert.equal(view.startRefused?.firstStartedAt, original.createdAt);
    const list = (await world.api.call('GET', '/api/releases?pipeline=pwbi-api')).body as {
      releases: ReleaseSummary[];
    };
    const listed = list.releases.find((r) => r.id === old.releaseId);
    assert.equal(listed?.status, 'Canceled');
    assert.equal(listed?.startRefused?.original, 'recovered');

    // And the newer release goes on as usual
    await world.approve(next.releaseId, 'staging', users.qaLead);
    const staged = await world.untilWaitingFor(next.releaseId, 'production');
    assert.equal(staged.stages[1]?.status, 'Succeeded');
  });
});
