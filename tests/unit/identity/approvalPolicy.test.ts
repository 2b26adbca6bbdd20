import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  type ApprovalFacts,
  decideApproval,
  decideCancel,
} from '../../../src/domain/identity/index.js';
import type { PlannedStage } from '../../../src/domain/release/index.js';

const target = { subscription: 's', resourceGroup: 'rg', site: 'site' };
const stage = (name: string, approval?: PlannedStage['approval']): PlannedStage => ({
  name,
  target,
  checks: [],
  hooks: [],
  ...(approval ? { approval } : {}),
});
const plan = {
  stages: [
    stage('dev'),
    stage('staging', {
      approvers: ['qa-lead@contoso.com', 'both@contoso.com'],
      timeoutMs: 1,
      distinctFrom: [],
    }),
    stage('production', {
      approvers: ['eng-lead@contoso.com', 'both@contoso.com', 'dev@contoso.com'],
      timeoutMs: 1,
      distinctFrom: ['staging'],
    }),
  ],
};

function facts(overrides: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    status: 'WaitingForApproval',
    requestedBy: 'dev@contoso.com',
    plan,
    waitingFor: { stage: 'production' },
    stages: [
      { name: 'dev' },
      { name: 'staging', approval: { by: 'both@contoso.com' } },
      { name: 'production' },
    ],
    ...overrides,
  };
}

describe('decideApproval', () => {
  it('allows an approver of the stage the release waits for', () => {
    assert.deepEqual(
      decideApproval(facts(), {
        action: 'approve',
        stage: 'production',
        actor: 'Eng-Lead@contoso.com',
      }),
      { kind: 'allowed' },
    );
  });

  it('names the known stages for an unknown one', () => {
    assert.deepEqual(
      decideApproval(facts(), { action: 'approve', stage: 'qa', actor: 'eng-lead@contoso.com' }),
      { kind: 'unknownStage', stages: ['dev', 'staging', 'production'] },
    );
  });

  it('refuses an ended release', () => {
    assert.deepEqual(
      decideApproval(facts({ status: 'Rejected' }), {
        action: 'approve',
        stage: 'production',
        actor: 'eng-lead@contoso.com',
      }),
      { kind: 'ended', status: 'Rejected' },
    );
  });

  it('refuses a stage the release is not waiting for, saying which one it waits for', () => {
    assert.deepEqual(
      decideApproval(facts(), {
        action: 'approve',
        stage: 'staging',
        actor: 'qa-lead@contoso.com',
      }),
      { kind: 'notWaiting', waitingFor: 'production' },
    );
    assert.deepEqual(
      decideApproval(facts({ status: 'Running', waitingFor: undefined }), {
        action: 'approve',
        stage: 'production',
        actor: 'eng-lead@contoso.com',
      }),
      { kind: 'notWaiting' },
    );
  });

  it('refuses someone who is not an approver of that stage', () => {
    const outcome = decideApproval(facts(), {
      action: 'approve',
      stage: 'production',
      actor: 'qa-lead@contoso.com',
    });
    assert.equal(outcome.kind, 'notAnApprover');
  });

  it('refuses self-approval by the person who started the release', () => {
    assert.deepEqual(
      decideApproval(facts(), { action: 'approve', stage: 'production', actor: 'dev@contoso.com' }),
      { kind: 'selfApproval' },
    );
  });

  it('refuses the approver of a distinctFrom stage', () => {
    assert.deepEqual(
      decideApproval(facts(), {
        action: 'approve',
        stage: 'production',
        actor: 'both@contoso.com',
      }),
      { kind: 'sameApprover', stage: 'staging' },
    );
  });

  it('lets an approver reject even when they could not approve (self, distinctFrom)', () => {
    assert.deepEqual(
      decideApproval(facts(), { action: 'reject', stage: 'production', actor: 'both@contoso.com' }),
      { kind: 'allowed' },
    );
    assert.deepEqual(
      decideApproval(facts(), { action: 'reject', stage: 'production', actor: 'dev@contoso.com' }),
      { kind: 'allowed' },
    );
    assert.equal(
      decideApproval(facts(), {
        action: 'reject',
        stage: 'production',
        actor: 'qa-lead@contoso.com',
      }).kind,
      'notAnApprover',
    );
  });
});

describe('decideCancel', () => {
  it('lets an approver of any stage cancel a release not yet swapped', () => {
    assert.deepEqual(decideCancel(facts(), 'qa-lead@contoso.com'), { kind: 'allowed' });
  });

  it('refuses anyone who approves no stage', () => {
    assert.deepEqual(decideCancel(facts(), 'intruder@contoso.com'), { kind: 'notAllowed' });
  });

  it('refuses once production was swapped or the release ended', () => {
    assert.deepEqual(
      decideCancel(
        facts({ status: 'Running', swappedAt: '2026-01-01T00:00:00Z' }),
        'eng-lead@contoso.com',
      ),
      { kind: 'swapped', at: '2026-01-01T00:00:00Z' },
    );
    assert.deepEqual(decideCancel(facts({ status: 'Succeeded' }), 'eng-lead@contoso.com'), {
      kind: 'ended',
      status: 'Succeeded',
    });
  });
});
