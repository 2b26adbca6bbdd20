import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld, users } from './support/PipelineWorld.js';

const hourMs = 3_600_000;

describe('pipeline: approvals, duplicates and superseding', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('a duplicate delivery of the same push starts nothing new', async () => {
    const pushed = await world.push('3.0.0', 'healthy', { deliver: 'twice' });
    assert.deepEqual(
      pushed.deliveries.map((d) => d.status),
      [202, 202],
    );
    await world.untilWaitingFor(pushed.releaseId, 'staging');
    const list = await world.api.call('GET', '/api/releases?pipeline=pwbi-api');
    assert.equal(list.status, 200);
    const ids = JSON.stringify(list.body).match(/pwbi-api-[0-9a-f]{20}/g) ?? [];
    assert.deepEqual([...new Set(ids)], [pushed.releaseId]);
    const started = world.sandbox
      .slackMessages()
      .filter((m) => JSON.stringify(m).includes('started'));
    assert.equal(started.length, 1, 'one release, one "started" message');
  });

  it('a newer push supersedes the release waiting for approval', async () => {
    const older = (await world.api.call('GET', '/api/releases?pipeline=pwbi-api')).body;
    const olderId = (JSON.stringify(older).match(/pwbi-api-[0-9a-f]{20}/) ?? [])[0] ?? '';
    const newer = await world.push('3.0.1');
    const superseded = await world.untilEnded(olderId);
    assert.equal(superseded.status, 'Superseded');
    assert.match(superseded.step, new RegExp(newer.releaseId));
    assert.equal(superseded.stages[1]?.status, 'Canceled');
    const waiting = await world.untilWaitingFor(newer.releaseId, 'staging');
    assert.equal(waiting.status, 'WaitingForApproval');
  });

  it('only an approver can approve, and a rejection ends the release', async () => {
    const list = (
      await world.api.call('GET', '/api/releases?pipeline=pwbi-api&status=WaitingForApproval')
    ).body;
    const id = (JSON.stringify(list).match(/pwbi-api-[0-9a-f]{20}/) ?? [])[0] ?? '';
    const stranger = await world.api.approve(id, 'staging', users.stranger);
    assert.equal(stranger.status, 403);
    const wrongStage = await world.api.approve(id, 'production', users.engLead);
    assert.equal(wrongStage.status, 409);
    const rejected = await world.api.reject(id, 'staging', users.qaLead, 'login broken');
    assert.equal(rejected.status, 202);
    const done = await world.untilEnded(id);
    assert.equal(done.status, 'Rejected');
    assert.match(done.step, /login broken/);
    assert.deepEqual(
      done.stages.map((s) => s.status),
      ['Succeeded', 'Rejected', 'Skipped'],
    );
  });

  it('an approval nobody gives expires after the approval timeout', async (t) => {
    const pushed = await world.push('3.0.2');
    const waiting = await world.untilWaitingFor(pushed.releaseId, 'staging');
    const since = world.clock.now();
    assert.equal(
      Date.parse(waiting.waitingFor?.expiresAt ?? '') - Date.parse(waiting.waitingFor?.since ?? ''),
      72 * hourMs,
    );
    const done = await world.untilEnded(pushed.releaseId, { maxVirtualMs: 80 * hourMs });
    assert.equal(done.status, 'Expired');
    assert.ok(
      world.clock.now() - since >= 72 * hourMs - 60_000,
      'expired only after 72 virtual hours',
    );
    t.diagnostic(`real ${world.realElapsedMs()} ms since the world started`);
    const late = await world.api.approve(pushed.releaseId, 'staging', users.qaLead);
    assert.equal(late.status, 410);
  });

  it('a cancel while waiting for production approval (after staging) ends the release at once', async () => {
    const pushed = await world.pushAndApproveStaging('3.0.3');
    await world.untilWaitingFor(pushed.releaseId, 'production');
    const askedAt = world.clock.now();
    await world.cancel(pushed.releaseId, users.engLead, 'not today');
    const done = await world.untilEnded(pushed.releaseId);
    assert.equal(done.status, 'Canceled');
    assert.match(done.step, /canceled by eng-lead@contoso.com: not today/);
    assert.deepEqual(
      done.stages.map((s) => s.status),
      ['Succeeded', 'Succeeded', 'Canceled'],
    );
    assert.ok(
      world.clock.now() - askedAt < 60_000,
      `ended ${world.clock.now() - askedAt} virtual ms later`,
    );
  });
});
