import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { stageInstanceId } from '../../src/domain/release/index.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { auditCalls, postJson, raiseEventUrl } from './support/durableKeyAttacks.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

const minuteMs = 60_000;

/**
 * What an attacker who can read a durable status URL (the 202 body of POST /api/releases, or
 * `links.status` of the release view) can do with the system key it carries: raise any event
 * on any instance of the task hub.
 */
describe('security: decision events raised around the API are ignored', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  /** Starts a release through the API and returns its id and the status URL of the 202 body. */
  async function startThroughApi(tag: string): Promise<{ id: string; statusUri: string }> {
    const pushed = await world.push(tag, 'healthy', { deliver: 'none' });
    const answer = await world.api.start(
      `pwbiregistry.azurecr.io/pwbi-api:${tag}@${pushed.digest}`,
      users.engLead,
    );
    assert.equal(answer.status, 202);
    const body = answer.body as { id: string; statusQueryGetUri: string };
    assert.equal(body.id, pushed.releaseId);
    assert.match(body.statusQueryGetUri, /\/instances\/pwbi-api-[0-9a-f]+\?/);
    await world.host.settle();
    return { id: body.id, statusUri: body.statusQueryGetUri };
  }

  it('a forged approval raised with the status URL key changes nothing; the API approval proceeds', async () => {
    // Given a release waiting for staging's approval, started through the API
    const { id, statusUri } = await startThroughApi('7.0.0');
    await world.untilWaitingFor(id, 'staging');

    // When an attacker raises `approval` directly, claiming to be the real approver
    const url = raiseEventUrl(statusUri, id, 'approval');
    const forged = { stage: 'staging', decision: 'approved', by: users.qaLead, at: 'now' };
    assert.equal(await postJson(url, forged), 202, 'the durable API accepts the raise');
    assert.equal(await postJson(url, { ...forged, seal: 'A'.repeat(43) }), 202);
    await world.host.settle();

    // Then the release still waits for staging, with no approval recorded
    const history = (await world.host.history(id)) ?? [];
    const raised = history.filter((e) => e['EventType'] === 15 && e['Name'] === 'approval');
    assert.equal(raised.length, 2, 'both forged events reached the orchestration');
    const audits = auditCalls(history, 'forgedEventIgnored');
    assert.equal(audits.length, 2, 'each forged event was audited');
    const view = (await world.api.get(id)).body as ReleaseView;
    assert.equal(view.status, 'WaitingForApproval');
    assert.equal(view.stage, 'staging');
    const staging = view.stages.find((s) => s.name === 'staging');
    assert.equal(staging?.status, 'WaitingForApproval');
    assert.equal(staging?.approval, undefined);
    const waiting = await world.untilWaitingFor(id, 'staging');
    assert.equal(waiting.stages[1]?.approval, undefined);

    // When the approver approves through the API
    await world.approve(id, 'staging', users.qaLead);

    // Then the release proceeds into staging with the API's approval recorded
    const running = await world.until(id, (s) => s.stages[1]?.status === 'Running');
    assert.equal(running.stages[1]?.approval?.by, users.qaLead);
  });

  it('a forged hook callback without the callback token does not pass the gate', async () => {
    // Given the e2e hook answers 202 and never calls back
    world.sandbox.setHook('e2e', 'hang');
    const { id, statusUri } = await startThroughApi('7.1.0');
    await world.untilWaitingFor(id, 'staging');
    await world.approve(id, 'staging', users.qaLead);
    const stageId = stageInstanceId(id, 'staging');
    await world.host.waitFor(stageId, (s) =>
      JSON.stringify(s.customStatus).includes('running verify hooks'),
    );
    const call = world.sandbox.hookCalls('e2e').at(-1);
    const token = (call?.body as { callbackToken?: unknown }).callbackToken;
    assert.match(String(token), /^[A-Za-z0-9_-]{43}$/, 'the hook was given a callback token');
    const startedAt = world.clock.now();

    // When an attacker posts passing results to the stage's hook event, with no or a wrong token
    const url = raiseEventUrl(statusUri, stageId, 'hook-staging-e2e');
    assert.equal(await postJson(url, { status: 'passed' }), 202);
    assert.equal(await postJson(url, { status: 'passed', token: `${String(token)}x` }), 202);
    await world.host.settle();

    // Then the hook still runs, and the gate fails at the hook's timeout
    const live = (await world.api.get(id)).body as ReleaseView;
    const e2e = live.stages.find((s) => s.name === 'staging')?.checks.find((c) => c.name === 'e2e');
    assert.equal(e2e?.status, 'Running');
    const done = await world.untilEnded(id);
    assert.equal(done.status, 'Failed');
    assert.match(done.step, /hook e2e failed: timed out after 30m/);
    assert.ok(world.clock.now() - startedAt >= 29 * minuteMs, 'waited out the hook timeout');
  });
});
