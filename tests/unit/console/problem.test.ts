import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

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
      members: {},
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
      members: {},
    });
    assert.equal(
      describeProblem(0, undefined).detail,
      'The request did not reach Slotpilot (network error).',
    );
    assert.equal(describeProblem(418, {}).title, 'HTTP 418');
  });

  it('keeps the extension members of a problem body', () => {
    const problem = describeProblem(409, {
      title: 'Conflict',
      detail: 'Release r1 is at canary step 2, not 1',
      status: 409,
      step: 1,
      expectedStep: 0,
    });
    assert.deepEqual(problem.members, { step: 1, expectedStep: 0 });
  });
});
