import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  customStatusBudgetChars,
  initialReleaseStatus,
  mergeStageProgress,
  reduceReleaseStatus,
} from '../../../src/domain/release/index.js';
import { releaseInput, stageResult } from '../orchestrators/support/fixtures.js';

const t0 = '2026-01-01T00:00:00.000Z';
const start = () => initialReleaseStatus(releaseInput().plan, t0);

describe('reduceReleaseStatus', () => {
  it('starts Running with every stage Pending', () => {
    const s = start();
    assert.equal(s.status, 'Running');
    assert.equal(s.stage, 'dev');
    assert.deepEqual(
      s.stages.map((x) => x.status),
      ['Pending', 'Pending', 'Pending'],
    );
  });

  it('waits for approval, then records who approved and clears waitingFor', () => {
    let s = reduceReleaseStatus(start(), {
      type: 'waitingForApproval',
      stage: 'staging',
      at: t0,
      expiresAt: '2026-01-04T00:00:00.000Z',
      approvers: ['qa@contoso.com'],
    });
    assert.equal(s.status, 'WaitingForApproval');
    assert.equal(s.waitingFor?.expiresAt, '2026-01-04T00:00:00.000Z');
    assert.equal(s.stages[1]?.status, 'WaitingForApproval');
    s = reduceReleaseStatus(s, {
      type: 'approved',
      stage: 'staging',
      at: 'T1',
      by: 'qa@contoso.com',
      comment: 'ok',
    });
    assert.equal(s.status, 'Running');
    assert.equal(s.waitingFor, undefined);
    assert.deepEqual(s.stages[1]?.approval, { by: 'qa@contoso.com', at: 'T1', comment: 'ok' });
  });

  it('records stage results and the production digests', () => {
    let s = reduceReleaseStatus(start(), {
      type: 'stageStarted',
      stage: 'dev',
      at: t0,
      step: 'deploying',
    });
    assert.equal(s.stages[0]?.status, 'Running');
    s = reduceReleaseStatus(s, {
      type: 'stageFinished',
      at: 'T2',
      result: {
        ...stageResult('dev', 'Succeeded'),
        previousDigest: 'sha256:old',
        swappedAt: 'T2',
        checks: [{ name: 'smoke', status: 'Passed' }],
      },
    });
    assert.equal(s.stages[0]?.status, 'Succeeded');
    assert.deepEqual(s.stages[0]?.checks, [{ name: 'smoke', status: 'Passed' }]);
    assert.equal(s.previousDigest, 'sha256:old');
  });

  it('ends: the waiting stage takes the ending, later stages are Skipped, and it stays ended', () => {
    let s = reduceReleaseStatus(start(), {
      type: 'waitingForApproval',
      stage: 'dev',
      at: t0,
      expiresAt: 'x',
      approvers: [],
    });
    s = reduceReleaseStatus(s, {
      type: 'finished',
      status: 'Superseded',
      at: 'T3',
      step: 'superseded by y',
    });
    assert.equal(s.status, 'Superseded');
    assert.deepEqual(
      s.stages.map((x) => x.status),
      ['Canceled', 'Skipped', 'Skipped'],
    );
    const after = reduceReleaseStatus(s, {
      type: 'stageStarted',
      stage: 'staging',
      at: 'T4',
      step: 'x',
    });
    assert.equal(after, s);
  });

  it('keeps the status under the custom status budget however long the details are', () => {
    let s = start();
    s = reduceReleaseStatus(s, {
      type: 'stageFinished',
      at: 'T',
      result: {
        ...stageResult('dev', 'Failed'),
        checks: Array.from({ length: 40 }, (_, i) => ({
          name: `hook-${i}`,
          status: 'Failed' as const,
          detail: 'x'.repeat(5_000),
        })),
      },
    });
    assert.ok(JSON.stringify(s).length <= customStatusBudgetChars);
    assert.equal(s.stages[0]?.checks.length, 40);
  });

  it('shows the production lock wait until the stage starts', () => {
    let s = reduceReleaseStatus(start(), {
      type: 'waitingForLock',
      stage: 'production',
      at: 'T1',
      site: 'pwbi-api-prod',
      heldBy: 'r0',
    });
    assert.deepEqual(s.waitingForLock, { site: 'pwbi-api-prod', heldBy: 'r0' });
    assert.equal(s.stages[2]?.status, 'Running');
    assert.match(s.step, /held by r0/);
    s = reduceReleaseStatus(s, {
      type: 'stageStarted',
      stage: 'production',
      at: 'T2',
      step: 'releasing',
    });
    assert.equal(s.waitingForLock, undefined);
    assert.equal(s.stages[2]?.startedAt, 'T1');
  });

  it('mergeStageProgress lays a running stage’s live checks and lock wait over the release view', () => {
    const s = reduceReleaseStatus(start(), {
      type: 'stageStarted',
      stage: 'dev',
      at: t0,
      step: 'deploying',
    });
    const merged = mergeStageProgress(s, {
      stage: 'dev',
      step: 'waiting for lock',
      updatedAt: '2026-01-01T00:05:00.000Z',
      checks: [{ name: 'smoke', status: 'Running' }],
      waitingForLock: { site: 'x', heldBy: 'r0' },
    });
    assert.equal(merged.step, 'waiting for lock');
    assert.deepEqual(merged.waitingForLock, { site: 'x', heldBy: 'r0' });
    assert.deepEqual(merged.stages[0]?.checks, [{ name: 'smoke', status: 'Running' }]);
    assert.equal(
      mergeStageProgress(start(), { stage: 'dev', step: 'x', updatedAt: t0, checks: [] }).step,
      'starting',
    );
  });
});
