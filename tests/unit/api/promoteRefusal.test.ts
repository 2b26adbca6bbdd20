import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { toProblem } from '../../../src/functions/http/toProblem.js';
import { decideOnce } from '../../../src/functions/releases/decideOnce.js';
import { promotedAlready, promoteRefusal } from '../../../src/functions/releases/promoteRefusal.js';
import { MemoryClaimStore } from '../support/MemoryClaimStore.js';

const context = { releaseId: 'r1', actor: 'eve@contoso.com' };
const problemOf = (refusal: Parameters<typeof promoteRefusal>[0]) =>
  toProblem(promoteRefusal(refusal, context), '/api/releases/r1/promote');

describe('a refused promote, in the one wording the API, the CLI and the console show', () => {
  it('names the step the caller saw and where the canary is now', () => {
    const behind = problemOf({ kind: 'otherStep', step: 1, named: 0 });
    assert.equal(behind.status, 409);
    assert.equal(behind.jsonBody.detail, 'Step 1 was already promoted; now at step 2.');
    assert.deepEqual(
      { step: behind.jsonBody['step'], expectedStep: behind.jsonBody['expectedStep'] },
      { step: 1, expectedStep: 0 },
    );
    assert.equal(
      problemOf({ kind: 'otherStep', step: 0, named: 1 }).jsonBody.detail,
      'Step 2 is not reached yet; now at step 1.',
    );
  });

  it('names who promoted a step the canary has not taken up yet', () => {
    const won = problemOf({ kind: 'alreadyPromoted', step: 0, by: 'lead@contoso.com', at: 't' });
    assert.equal(won.status, 409);
    assert.equal(won.jsonBody.detail, 'Step 1 was already promoted by lead@contoso.com.');
    assert.equal(won.jsonBody['promotedBy'], 'lead@contoso.com');
  });

  it('answers the same, members included, when a concurrent promote won the compare-and-set', async () => {
    const claims = new MemoryClaimStore();
    const slot = ['r1', 'run', 'promote', '0'];
    const claim = (by: string) => ({ decision: 'promoted', by, at: 't' });
    const subject = (won: { by: string; at: string }) =>
      promoteRefusal({ kind: 'alreadyPromoted', step: 0, by: won.by, at: won.at }, context);
    await decideOnce(claims, slot, claim('lead@contoso.com'), subject, () => Promise.resolve());
    const lost = await decideOnce(claims, slot, claim('eve@contoso.com'), subject, () =>
      Promise.resolve(),
    ).then(
      () => assert.fail('the second promote must lose'),
      (error: unknown) => error,
    );
    const problem = toProblem(lost, '/api/releases/r1/promote');
    const refused = problemOf({
      kind: 'alreadyPromoted',
      step: 0,
      by: 'lead@contoso.com',
      at: 't',
    });
    assert.equal(problem.status, 409);
    assert.deepEqual(problem.jsonBody, refused.jsonBody);
    assert.equal(problem.jsonBody.detail, promotedAlready(0, 'lead@contoso.com'));
    assert.equal(problem.jsonBody['decided'], undefined);
  });

  it('answers 403 to a caller who is not an approver, and 409 without a canary step', () => {
    const forbidden = problemOf({ kind: 'notApprover', approvers: ['lead@contoso.com'] });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.jsonBody.detail, 'eve@contoso.com may not promote release r1.');
    const none = problemOf({ kind: 'noCanary', detail: 'the canary is promoted' });
    assert.equal(none.status, 409);
    assert.equal(none.jsonBody.detail, 'Nothing to promote: the canary is promoted.');
  });
});
