import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseSummary, ReleaseView, SlotsView } from '../../src/domain/view/index.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

const both = 'release-manager@contoso.com';

describe('api: manual starts, self-approval, distinctFrom, list, slots and health', () => {
  let world: PipelineWorld;
  before(async () => {
    // Given a pipeline where the release manager approves both staging and production
    world = await PipelineWorld.start({
      config: {
        edit: (doc) => {
          for (const stage of doc.pipelines[0]?.stages ?? []) {
            const approval = stage.approval as { approvers: string[] } | undefined;
            approval?.approvers.push(both);
          }
        },
      },
    });
  });
  after(async () => {
    await world?.stop();
  });

  it('starts a release by digest with 202, Location, Retry-After and Slotpilot’s status URL', async () => {
    const pushed = await world.push('5.0.0', 'healthy', { deliver: 'none' });
    const answer = await fetch(`${world.host.url}/api/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        image: `pwbiregistry.azurecr.io/pwbi-api:5.0.0@${pushed.digest}`,
        pipeline: 'pwbi-api',
      }),
    });
    assert.equal(answer.status, 202);
    const body = (await answer.json()) as Record<string, unknown>;
    const statusUrl = `${world.host.url}/api/releases/${pushed.releaseId}`;
    assert.deepEqual(body, { id: pushed.releaseId, statusQueryGetUri: statusUrl });
    assert.equal(answer.headers.get('location'), statusUrl);
    assert.equal(answer.headers.get('retry-after'), '10');
    const status = await fetch(statusUrl);
    assert.equal(status.status, 200);
    assert.equal(((await status.json()) as ReleaseView).id, pushed.releaseId);
    await world.untilWaitingFor(pushed.releaseId, 'staging');
    const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
    assert.equal(view.tag, '5.0.0');
    assert.equal(view.requestedBy, 'function-key');
    assert.deepEqual(Object.keys(view.links).sort(), ['approve', 'console', 'self']);
    assert.equal(view.links.self, statusUrl);
    assert.equal(view.links.approve, `${world.host.url}/api/releases/${pushed.releaseId}/approve`);
  });

  it('refuses an unknown tag (400), an unknown pipeline (404) and a duplicate (409)', async () => {
    const bare = await world.api.start('pwbiregistry.azurecr.io/pwbi-api:5.0.404', users.engLead);
    assert.equal(bare.status, 400);
    assert.match(JSON.stringify(bare.body), /"field":"image".*TAG_UNKNOWN/);
    const digest = `sha256:${'0'.repeat(64)}`;
    const unknown = await world.api.call(
      'POST',
      '/api/releases',
      { image: `pwbiregistry.azurecr.io/pwbi-api@${digest}`, pipeline: 'nope' },
      users.engLead,
    );
    assert.equal(unknown.status, 404);
    const otherRepo = await world.api.start(
      `pwbiregistry.azurecr.io/other@${digest}`,
      users.engLead,
    );
    assert.equal(otherRepo.status, 404);
    const list = (await world.api.call('GET', '/api/releases')).body as {
      releases: ReleaseSummary[];
    };
    const existing = list.releases[0];
    assert.ok(existing);
    const duplicate = await world.api.start(existing.image, users.engLead);
    assert.equal(duplicate.status, 409);
    assert.equal((duplicate.body as { releaseId: string }).releaseId, existing.id);
  });

  it('refuses self-approval by the person who started the release', async () => {
    const pushed = await world.push('5.1.0', 'healthy', { deliver: 'none' });
    const started = await world.api.start(
      `pwbiregistry.azurecr.io/pwbi-api@${pushed.digest}`,
      users.engLead,
    );
    assert.equal(started.status, 202);
    await world.untilWaitingFor(pushed.releaseId, 'staging');
    assert.equal((await world.api.approve(pushed.releaseId, 'staging', users.qaLead)).status, 202);
    await world.untilWaitingFor(pushed.releaseId, 'production');
    const self = await world.api.approve(pushed.releaseId, 'production', users.engLead);
    assert.equal(self.status, 403);
    assert.equal((self.body as { reason: string }).reason, 'self-approval');
    const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
    assert.equal(view.status, 'WaitingForApproval');
    assert.equal(view.waitingFor?.stage, 'production');
  });

  it('refuses the staging approver at production (distinctFrom: [staging]); another approver passes', async () => {
    const pushed = await world.push('5.2.0');
    await world.untilWaitingFor(pushed.releaseId, 'staging');
    assert.equal((await world.api.approve(pushed.releaseId, 'staging', both)).status, 202);
    await world.untilWaitingFor(pushed.releaseId, 'production');
    const same = await world.api.approve(pushed.releaseId, 'production', both);
    assert.equal(same.status, 403);
    assert.deepEqual(
      [
        (same.body as { reason: string }).reason,
        (same.body as { distinctFrom: string }).distinctFrom,
      ],
      ['distinct-from', 'staging'],
    );
    await world.host.settle();
    assert.equal(
      ((await world.api.get(pushed.releaseId)).body as ReleaseView).status,
      'WaitingForApproval',
    );
    const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
    assert.equal(view.stages.find((s) => s.name === 'staging')?.approval?.by, both);
    assert.equal(
      (await world.api.approve(pushed.releaseId, 'production', users.engLead)).status,
      202,
    );
  });

  it('lists releases newest first with pipeline, status and top filters', async () => {
    // The release approved above goes on to production; a newer one waits for staging.
    const newer = await world.push('5.3.0');
    await world.untilWaitingFor(newer.releaseId, 'staging');
    const all = (await world.api.call('GET', '/api/releases')).body as {
      releases: ReleaseSummary[];
    };
    assert.ok(all.releases.length >= 3);
    const created = all.releases.map((r) => r.createdAt);
    assert.deepEqual(created, [...created].sort().reverse());
    const waiting = (
      await world.api.call('GET', '/api/releases?pipeline=pwbi-api&status=WaitingForApproval&top=1')
    ).body as {
      releases: ReleaseSummary[];
    };
    assert.equal(waiting.releases.length, 1);
    assert.equal(waiting.releases[0]?.id, newer.releaseId);
    assert.equal(waiting.releases[0]?.status, 'WaitingForApproval');
    const none = (await world.api.call('GET', '/api/releases?pipeline=other')).body as {
      releases: unknown[];
    };
    assert.deepEqual(none.releases, []);
    const bad = await world.api.call('GET', '/api/releases?status=Done');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /"field":"status"/);
    assert.equal(
      (await world.api.call('GET', '/api/releases/pwbi-api-ffffffffffffffffffff')).status,
      404,
    );
  });

  it('shows which digest runs in which site and slot, live from App Service', async () => {
    const answer = await world.api.call('GET', '/api/pipelines/pwbi-api/slots');
    assert.equal(answer.status, 200);
    const view = answer.body as SlotsView;
    assert.deepEqual(
      view.stages.map((s) => `${s.stage}:${s.site}:${s.slots.map((x) => x.name).join('+')}`),
      [
        'dev:pwbi-api-dev:production',
        'staging:pwbi-api-staging:production',
        'production:pwbi-api-prod:production+staging',
      ],
    );
    const dev = world.sandbox.siteState('pwbi-api-dev');
    assert.equal(view.stages[0]?.slots[0]?.digest, dev.digest);
    assert.equal(view.stages[0]?.slots[0]?.hostName, dev.hostName);
    assert.equal((await world.api.call('GET', '/api/pipelines/nope/slots')).status, 404);
  });

  it('reports health anonymously with the version and a config summary', async () => {
    const answer = await world.api.call('GET', '/api/health');
    assert.equal(answer.status, 200);
    const body = answer.body as {
      status: string;
      version: string;
      pipelines: { name: string; stages: string[] }[];
    };
    assert.equal(body.status, 'ok');
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(body.pipelines[0]?.stages, ['dev', 'staging', 'production']);
    assert.doesNotMatch(JSON.stringify(body), /hooks\/|slack|signing/i);
  });
});
