import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { toProblem } from '../../../src/functions/http/toProblem.js';
import { promoteRefusal } from '../../../src/functions/releases/promoteRefusal.js';
import { describeProblem, problemLine } from '../../../web/src/problem.js';

describe('console problem details', () => {
  it('shows title and detail of an RFC 9457 problem', () => {
    const problem = describeProblem(403, {
      type: 'urn:slotpilot:problem:forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'mallory@contoso.com is not an approver of staging.',
      instance: '/api/releases/x/approve',
    });
    assert.deepEqual(problem, {
      status: 403,
      title: 'Forbidden',
      detail: 'mallory@contoso.com is not an approver of staging.',
      fields: [],
    });
    assert.equal(
      problemLine(problem),
      '403 Forbidden: mallory@contoso.com is not an approver of staging.',
    );
  });

  it('names each invalid field of a 400', () => {
    const problem = describeProblem(400, {
      title: 'Bad Request',
      detail: 'reason: expected a non-empty string, got undefined',
      errors: [{ field: 'reason', expected: 'a non-empty string', received: 'undefined' }],
    });
    assert.deepEqual(problem.fields, ['reason: expected a non-empty string, got undefined']);
  });

  it('explains answers that carry no problem body', () => {
    const unauthorized = describeProblem(401, undefined);
    assert.equal(unauthorized.title, 'Unauthorized');
    assert.match(unauthorized.detail, /function key/);
    assert.deepEqual(describeProblem(502, 'upstream down'), {
      status: 502,
      title: 'Bad Gateway',
      detail: 'upstream down',
      fields: [],
    });
    assert.equal(
      describeProblem(0, undefined).detail,
      'The request did not reach Slotpilot (network error).',
    );
    assert.equal(describeProblem(418, {}).title, 'HTTP 418');
  });

  it('shows a refused promote in the words of the API', () => {
    const refusal = promoteRefusal(
      { kind: 'otherStep', step: 1, named: 0 },
      { releaseId: 'r1', actor: 'eng-lead@contoso.com' },
    );
    const problem = describeProblem(409, toProblem(refusal, '/api/releases/r1/promote').jsonBody);
    assert.equal(problem.detail, 'Step 1 was already promoted; now at step 2.');
    assert.equal(problemLine(problem), '409 Conflict: Step 1 was already promoted; now at step 2.');
  });
});
