import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { issueToken } from '../../src/domain/identity/index.js';
import { e2eSigningKey } from './support/appSettings.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

/** Raw POST with explicit headers (for forged principals and foreign tokens). */
async function post(
  world: PipelineWorld,
  route: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`${world.host.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

const principal = (email: string): string =>
  Buffer.from(JSON.stringify({ auth_typ: 'aad', claims: [{ typ: 'email', val: email }] })).toString(
    'base64',
  );

describe('api: refused approvals change nothing', () => {
  let world: PipelineWorld;
  let releaseId = '';

  /** Status, step and history length of the release, after the host settled. */
  async function snapshot(): Promise<{ view: unknown; historyLength: number }> {
    await world.host.settle();
    const view = (await world.api.get(releaseId)).body as Record<string, unknown>;
    const history = (await world.host.history(releaseId)) ?? [];
    return {
      view: {
        status: view.status,
        step: view.step,
        stages: view.stages,
        updatedAt: view.updatedAt,
      },
      historyLength: history.length,
    };
  }

  before(async () => {
    world = await PipelineWorld.start();
    // Given a release waiting for the staging approval
    const pushed = await world.push('4.0.0');
    releaseId = pushed.releaseId;
    await world.untilWaitingFor(releaseId, 'staging');
  });
  after(async () => {
    await world?.stop();
  });

  it('answers 401 without an identity, with a forged principal while platform auth is off, and with a foreign token', async () => {
    const before = await snapshot();
    const route = `/api/releases/${releaseId}/approve`;
    const none = await post(world, route, { stage: 'staging' }, {});
    assert.equal(none.status, 401);
    assert.equal(none.contentType, 'application/problem+json');
    assert.equal(none.body.instance, route);
    const forged = await post(
      world,
      route,
      { stage: 'staging' },
      { 'x-ms-client-principal': principal(users.qaLead) },
    );
    assert.equal(
      forged.status,
      401,
      'x-ms-client-principal is ignored unless WEBSITE_AUTH_ENABLED=true',
    );
    const foreign = await issueToken({
      user: users.qaLead,
      signingKey: 'someone-elses-key-0123456789abcdef',
      ttlMs: 60_000,
    });
    const badToken = await post(
      world,
      route,
      { stage: 'staging' },
      { authorization: `Bearer ${foreign}` },
    );
    assert.equal(badToken.status, 401);
    assert.match(String(badToken.body.detail), /signature/);
    const expired = await issueToken({
      user: users.qaLead,
      signingKey: e2eSigningKey,
      ttlMs: 1000,
      nowMs: Date.now() - 3_600_000,
    });
    assert.equal(
      (await post(world, route, { stage: 'staging' }, { authorization: `Bearer ${expired}` }))
        .status,
      401,
    );
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 400 naming the field for a bad body or an unknown stage', async () => {
    const before = await snapshot();
    const missing = await world.api.call(
      'POST',
      `/api/releases/${releaseId}/approve`,
      { comment: 'ok' },
      users.qaLead,
    );
    assert.equal(missing.status, 400);
    assert.deepEqual((missing.body as { errors: unknown }).errors, [
      { field: 'stage', expected: 'a non-empty string', received: 'nothing' },
    ]);
    const unknown = await world.api.approve(releaseId, 'qa', users.qaLead);
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as { errors: { field: string }[] }).errors[0]?.field, 'stage');
    const noReason = await world.api.call(
      'POST',
      `/api/releases/${releaseId}/reject`,
      { stage: 'staging' },
      users.qaLead,
    );
    assert.equal(noReason.status, 400);
    assert.match(JSON.stringify(noReason.body), /"field":"reason"/);
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 403 to someone who is not an approver of the stage and 409 for a stage it does not wait for', async () => {
    const before = await snapshot();
    const stranger = await world.api.approve(releaseId, 'staging', users.stranger);
    assert.equal(stranger.status, 403);
    assert.equal((stranger.body as { reason: string }).reason, 'not-an-approver');
    const otherStageApprover = await world.api.approve(releaseId, 'staging', users.engLead);
    assert.equal(otherStageApprover.status, 403);
    const wrongStage = await world.api.approve(releaseId, 'production', users.engLead);
    assert.equal(wrongStage.status, 409);
    assert.equal((wrongStage.body as { waitingFor: string }).waitingFor, 'staging');
    const strangerCancel = await world.api.cancel(releaseId, users.stranger, 'not mine');
    assert.equal(strangerCancel.status, 403);
    assert.equal(
      (await world.api.approve('pwbi-api-00000000000000000000', 'staging', users.qaLead)).status,
      404,
    );
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 403 to the staging approver at production, where they are no approver', async () => {
    const staging = await world.api.approve(releaseId, 'staging', users.qaLead, 'ship it');
    assert.equal(staging.status, 202);
    await world.untilWaitingFor(releaseId, 'production');
    const before = await snapshot();
    const qaAtProduction = await world.api.approve(releaseId, 'production', users.qaLead);
    assert.equal(qaAtProduction.status, 403, 'qa-lead is no production approver');
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 410 to an approval and 409 to a cancel of an ended release', async () => {
    const rejected = await world.api.reject(
      releaseId,
      'production',
      users.engLead,
      'not this week',
    );
    assert.equal(rejected.status, 202);
    const ended = await world.untilEnded(releaseId);
    assert.equal(ended.status, 'Rejected');
    const before = await snapshot();
    const late = await world.api.approve(releaseId, 'production', users.engLead);
    assert.equal(late.status, 410);
    assert.equal((late.body as { releaseStatus: string }).releaseStatus, 'Rejected');
    const cancel = await world.api.cancel(releaseId, users.engLead, 'too late');
    assert.equal(cancel.status, 409);
    assert.deepEqual(await snapshot(), before);
  });
});
