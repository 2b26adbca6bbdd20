import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld, users } from './support/PipelineWorld.js';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; expected: string; received: string }[];
}

describe('api: bad ids and unbounded free text are refused at the edge', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  async function raw(method: string, route: string, body?: unknown, user?: string) {
    const answer = await world.api.call(method, route, body, user);
    return answer as { status: number; body: Problem };
  }

  it('answers 400 problem+json naming the id for ids no release can have, 404 for unknown ones', async () => {
    for (const id of ['%00', '%0A', 'a%20b', 'x'.repeat(129)]) {
      const got = await raw('GET', `/api/releases/${id}`);
      assert.equal(got.status, 400, `GET ${id}: ${JSON.stringify(got.body)}`);
      assert.equal(got.body.errors?.[0]?.field, 'id');
      const approve = await raw(
        'POST',
        `/api/releases/${id}/approve`,
        { stage: 'staging' },
        users.qaLead,
      );
      assert.equal(approve.status, 400, `approve ${id}`);
      assert.equal(approve.body.errors?.[0]?.field, 'id');
    }
    assert.equal((await raw('GET', '/api/releases/nope')).status, 404);
    const rollback = await raw(
      'POST',
      '/api/releases/pwbi-api-nope/rollback',
      { reason: 'r' },
      users.engLead,
    );
    assert.equal(rollback.status, 404);
    const slots = await raw('GET', '/api/pipelines/%00/slots');
    assert.equal(slots.status, 400);
    assert.equal(slots.body.errors?.[0]?.field, 'name');
  });

  it('refuses control characters and text over 300 characters, naming the field', async () => {
    const id = 'pwbi-api-ffffffffffffffffffff';
    const cases: [string, Record<string, string>, string][] = [
      ['approve', { stage: 'staging', comment: 'ok\u0000' }, 'comment'],
      ['approve', { stage: 'staging', comment: 'x'.repeat(301) }, 'comment'],
      ['reject', { stage: 'staging', reason: '\u001b[31mred' }, 'reason'],
      ['cancel', { reason: 'y'.repeat(2000) }, 'reason'],
      ['rollback', { reason: '\u0007'.repeat(2000) }, 'reason'],
    ];
    for (const [action, body, field] of cases) {
      const got = await raw('POST', `/api/releases/${id}/${action}`, body, users.engLead);
      assert.equal(got.status, 400, `${action}: ${JSON.stringify(got.body)}`);
      assert.equal(got.body.errors?.[0]?.field, field, action);
    }
    // Normalised text of the maximum length passes the body checks (then 404: no such release)
    const longest = await raw(
      'POST',
      `/api/releases/${id}/approve`,
      { stage: 'staging', comment: `  ${'é'.repeat(300)}  ` },
      users.engLead,
    );
    assert.equal(longest.status, 404, JSON.stringify(longest.body));
  });
});
