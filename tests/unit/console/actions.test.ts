import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { actionRequest, actionText, allowedActions } from '../../../web/src/actions.js';
import type { ReleaseView } from '../../../web/src/types.js';

const base: ReleaseView = {
  id: 'pwbi-api-1a2b',
  pipeline: 'pwbi-api',
  image: 'reg/pwbi-api@sha256:x',
  digest: 'sha256:x',
  status: 'Running',
  stage: 'dev',
  step: 'deploying',
  requestedBy: 'acr:ci',
  createdAt: '2026-01-05T09:00:00Z',
  updatedAt: '2026-01-05T09:00:00Z',
  stages: [],
  links: { self: 's', approve: 'a' },
};
const monitor = {
  startedAt: '2026-01-05T10:00:00Z',
  endsAt: '2026-01-05T11:00:00Z',
  samples: [],
  verdict: 'pending',
};
const kinds = (view: ReleaseView): string[] => allowedActions(view).map((a) => a.kind);

describe('console actions allowed by release state', () => {
  it('offers approve and reject of the waited-for stage, and cancel, while waiting', () => {
    const waiting: ReleaseView = {
      ...base,
      status: 'WaitingForApproval',
      waitingFor: { stage: 'staging', since: 't', expiresAt: 't', approvers: ['qa@x'] },
    };
    assert.deepEqual(allowedActions(waiting), [
      { kind: 'approve', stage: 'staging' },
      { kind: 'reject', stage: 'staging' },
      { kind: 'cancel' },
    ]);
  });

  it('offers only cancel while a stage runs before the swap', () => {
    assert.deepEqual(kinds(base), ['cancel']);
  });

  it('offers rollback during and after monitoring, never cancel after the swap', () => {
    const watching: ReleaseView = { ...base, stage: 'production', swappedAt: 't', monitor };
    assert.deepEqual(kinds(watching), ['rollback']);
    assert.deepEqual(kinds({ ...watching, status: 'Succeeded' }), ['rollback']);
  });

  it('offers continue (resume) and rollback while the monitor waits for a decision', () => {
    const paused: ReleaseView = {
      ...base,
      swappedAt: 't',
      monitor: { ...monitor, waitingForDecision: { since: 't', reason: 'inconclusive' } },
    };
    assert.deepEqual(kinds(paused), ['resume', 'rollback']);
  });

  it('offers nothing once a release ended without a swap, or was rolled back', () => {
    for (const status of ['Rejected', 'Expired', 'Superseded', 'Canceled', 'Failed'] as const) {
      assert.deepEqual(kinds({ ...base, status }), [], status);
    }
    const rolledBack: ReleaseView = {
      ...base,
      status: 'RolledBack',
      swappedAt: 't',
      monitor,
      rollback: { reason: 'r', evidence: {}, at: 't', detectedAt: 't', decidedAt: 't' },
    };
    assert.deepEqual(kinds(rolledBack), []);
    assert.deepEqual(kinds({ ...rolledBack, status: 'Running' }), [], 'swap back under way');
    assert.deepEqual(kinds({ ...base, status: 'Failed', swappedAt: 't', monitor }), []);
  });

  it('builds each request: route, and a body with the note under the field the API reads', () => {
    assert.deepEqual(actionRequest({ kind: 'approve', stage: 'staging' }, 'r/1', '  ok  '), {
      path: '/api/releases/r%2F1/approve',
      body: { stage: 'staging', comment: 'ok' },
    });
    assert.deepEqual(actionRequest({ kind: 'approve', stage: 'staging' }, 'r', ' '), {
      path: '/api/releases/r/approve',
      body: { stage: 'staging' },
    });
    assert.deepEqual(actionRequest({ kind: 'reject', stage: 'production' }, 'r', 'no'), {
      path: '/api/releases/r/reject',
      body: { stage: 'production', reason: 'no' },
    });
    for (const kind of ['cancel', 'rollback', 'resume'] as const) {
      assert.deepEqual(actionRequest({ kind }, 'r', 'why'), {
        path: `/api/releases/r/${kind}`,
        body: { reason: 'why' },
      });
    }
  });

  it('asks for a reason except for an approval comment', () => {
    assert.equal(actionText({ kind: 'approve', stage: 'staging' }).noteRequired, false);
    assert.equal(actionText({ kind: 'approve', stage: 'staging' }).label, 'Approve staging');
    for (const kind of ['cancel', 'rollback', 'resume'] as const) {
      assert.equal(actionText({ kind }).noteRequired, true, kind);
    }
    assert.equal(actionText({ kind: 'reject', stage: 'production' }).noteRequired, true);
  });

  it('offers a promote of the canary step shown, and sends that step (1-based)', () => {
    const steps = [
      { percent: 5, status: 'passed' },
      { percent: 50, status: 'pending' },
    ];
    const waiting: ReleaseView = {
      ...base,
      stage: 'production',
      canary: {
        step: 0,
        percent: 5,
        state: 'waitingForPromotion',
        steps,
        waitingForPromotion: { step: 0, since: 't', reason: 'passed' },
      },
    };
    const promote = allowedActions(waiting).find((a) => a.kind === 'promote');
    assert.deepEqual(promote, { kind: 'promote', step: 1, percent: 5 });
    assert.equal(actionText(promote).label, 'Promote step 1 (5%)');
    assert.equal(actionText(promote).noteRequired, false);
    assert.deepEqual(actionRequest(promote, 'r', ' '), {
      path: '/api/releases/r/promote',
      body: { step: 1 },
    });
    assert.deepEqual(actionRequest(promote, 'r', 'looks good').body, {
      step: 1,
      reason: 'looks good',
    });
    const judging = { ...waiting, canary: { step: 1, percent: 50, state: 'judging', steps } };
    assert.deepEqual(
      allowedActions(judging as ReleaseView).find((a) => a.kind === 'promote'),
      { kind: 'promote', step: 2, percent: 50 },
    );
    for (const state of ['swapping', 'aborted', 'promoted'] as const) {
      const past = { ...waiting, canary: { step: 1, percent: 0, state, steps } };
      assert.ok(!kinds(past).includes('promote'), state);
    }
  });
});
