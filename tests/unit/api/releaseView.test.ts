import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseCustomStatus, ReleaseInput } from '../../../src/domain/release/index.js';
import {
  buildReleaseView,
  type DurableStatusLike,
  effectiveStatus,
  readStageProgress,
  stageInProgress,
  summarizeRelease,
} from '../../../src/domain/view/index.js';

const digest = `sha256:${'ab'.repeat(32)}`;
const input: ReleaseInput = {
  releaseId: 'pwbi-api-abababababababababab',
  pipeline: 'pwbi-api',
  image: `pwbiregistry.azurecr.io/pwbi-api@${digest}`,
  tag: '1.2.0',
  digest,
  requestedBy: 'acr:ci',
  plan: {
    stages: ['dev', 'staging', 'production'].map((name) => ({
      name,
      target: { subscription: 's', resourceGroup: 'rg', site: `pwbi-api-${name}` },
      checks: [],
      hooks: [],
    })),
  },
};
const links = {
  self: 'http://h/api/releases/r',
  approve: 'http://h/api/releases/r/approve',
  status: 'http://h/status',
};
const custom: ReleaseCustomStatus = {
  status: 'WaitingForApproval',
  stage: 'staging',
  step: 'waiting for approval',
  updatedAt: '2026-01-01T00:05:00.000Z',
  stages: [
    { name: 'dev', status: 'Succeeded', checks: [{ name: 'smoke', status: 'Passed' }] },
    { name: 'staging', status: 'WaitingForApproval', checks: [] },
    { name: 'production', status: 'Pending', checks: [] },
  ],
  waitingFor: {
    stage: 'staging',
    since: '2026-01-01T00:05:00.000Z',
    expiresAt: '2026-01-04T00:05:00.000Z',
    approvers: ['qa-lead@contoso.com'],
  },
};
const release = {
  name: 'releasePipeline',
  instanceId: input.releaseId,
  runtimeStatus: 'Running',
  createdTime: new Date('2026-01-01T00:00:00Z'),
  lastUpdatedTime: '2026-01-01T00:05:01Z',
  input,
  customStatus: custom,
};

describe('buildReleaseView', () => {
  it('assembles the DESIGN §4 view from input, custom status and durable status', () => {
    const view = buildReleaseView({ release, links });
    assert.equal(view.id, input.releaseId);
    assert.equal(view.pipeline, 'pwbi-api');
    assert.equal(view.image, input.image);
    assert.equal(view.tag, '1.2.0');
    assert.equal(view.digest, digest);
    assert.equal(view.status, 'WaitingForApproval');
    assert.equal(view.stage, 'staging');
    assert.equal(view.step, 'waiting for approval');
    assert.equal(view.createdAt, '2026-01-01T00:00:00.000Z');
    assert.equal(view.updatedAt, '2026-01-01T00:05:00.000Z');
    assert.equal(view.stages.length, 3);
    assert.equal(view.waitingFor?.stage, 'staging');
    assert.deepEqual(view.links, links);
    assert.equal(view.monitor, undefined);
  });

  it('shows the planned stages as Pending before the orchestration publishes a status', () => {
    const view = buildReleaseView({
      release: { ...release, runtimeStatus: 'Pending', customStatus: null },
      links,
    });
    assert.equal(view.status, 'Running');
    assert.deepEqual(
      view.stages.map((s) => `${s.name}:${s.status}`),
      ['dev:Pending', 'staging:Pending', 'production:Pending'],
    );
    assert.equal(view.stage, 'dev');
    assert.equal(view.updatedAt, '2026-01-01T00:05:01.000Z');
  });

  it('prefers the monitor sub-orchestration for monitoring and rollback', () => {
    const monitor = { startedAt: 'a', endsAt: 'b', samples: [], verdict: 'pending' as const };
    const stale = { ...monitor, startedAt: 'stale' };
    const view = buildReleaseView({
      release: { ...release, customStatus: { ...custom, status: 'Running', monitor: stale } },
      monitor: {
        name: 'monitorRelease',
        instanceId: `${input.releaseId}-monitor`,
        runtimeStatus: 'Running',
        createdTime: 'x',
        lastUpdatedTime: 'x',
        customStatus: { monitor },
      },
      links,
    });
    assert.deepEqual(view.monitor, monitor);
    const fallback = buildReleaseView({
      release: { ...release, customStatus: { ...custom, status: 'Running', monitor: stale } },
      links,
    });
    assert.deepEqual(fallback.monitor, stale);
  });

  it('shows a rollback after the window from the ${id}-rollback orchestration', () => {
    const rollback = {
      reason: 'manual: p95 regression',
      evidence: {},
      at: 't9',
      detectedAt: 't9',
      decidedAt: 't9',
    };
    const done = {
      ...custom,
      status: 'Succeeded' as const,
      step: 'succeeded',
      waitingFor: undefined,
    };
    const running = buildReleaseView({
      release: { ...release, runtimeStatus: 'Completed', customStatus: done },
      rollback: {
        name: 'rollbackRelease',
        instanceId: 'x-rollback',
        runtimeStatus: 'Running',
        createdTime: 'x',
        lastUpdatedTime: 'x',
        customStatus: { step: 'swapping back', updatedAt: 't9', rollback, phase: 'rollingBack' },
      },
      links,
    });
    assert.equal(running.status, 'Succeeded');
    assert.equal(running.step, 'swapping back');
    assert.deepEqual(running.rollback, rollback);
    assert.deepEqual(running.rollbackRequest, { phase: 'rollingBack', step: 'swapping back' });
    const finished = buildReleaseView({
      release: { ...release, runtimeStatus: 'Completed', customStatus: done },
      rollback: {
        name: 'rollbackRelease',
        instanceId: 'x-rollback',
        runtimeStatus: 'Completed',
        createdTime: 'x',
        lastUpdatedTime: 'x',
        customStatus: { step: 'rolled back', updatedAt: 't9', rollback, status: 'RolledBack' },
      },
      links,
    });
    assert.equal(finished.status, 'RolledBack');
    assert.equal(finished.step, 'rolled back');
  });

  it('shows a rollback after the window checking the slot, then refused with why', () => {
    const done = { ...custom, status: 'Succeeded' as const, step: 'succeeded' };
    const rollbackRun = (over: Partial<DurableStatusLike>): DurableStatusLike => ({
      name: 'rollbackRelease',
      instanceId: 'x-rollback',
      runtimeStatus: 'Running',
      createdTime: 'x',
      lastUpdatedTime: 'x',
      ...over,
    });
    const step = 'checking that the previous version is still in the slot';
    const checking = buildReleaseView({
      release: { ...release, runtimeStatus: 'Completed', customStatus: done },
      rollback: rollbackRun({ customStatus: { step, updatedAt: 't9', phase: 'checking' } }),
      links,
    });
    assert.deepEqual(checking.rollbackRequest, { phase: 'checking', step });
    assert.equal(checking.step, step);
    const error = 'the staging slot no longer holds the previous digest';
    const refused = buildReleaseView({
      release: { ...release, runtimeStatus: 'Completed', customStatus: done },
      rollback: rollbackRun({
        runtimeStatus: 'Completed',
        customStatus: { step: `rollback refused: ${error}`, updatedAt: 't9', phase: 'refused' },
        output: { outcome: 'refused', error },
      }),
      links,
    });
    assert.equal(refused.status, 'Succeeded');
    assert.deepEqual(refused.rollbackRequest, {
      phase: 'refused',
      step: `rollback refused: ${error}`,
      error,
    });
    assert.equal(refused.rollback, undefined);
    const crashed = buildReleaseView({
      release: { ...release, runtimeStatus: 'Completed', customStatus: done },
      rollback: rollbackRun({ runtimeStatus: 'Failed' }),
      links,
    });
    assert.deepEqual(crashed.rollbackRequest, { phase: 'failed', step: 'rollback failed' });
  });

  it('reports a failed instance as Failed and drops a stale approval wait', () => {
    const view = buildReleaseView({ release: { ...release, runtimeStatus: 'Failed' }, links });
    assert.equal(view.status, 'Failed');
    assert.equal(view.step, 'ended: Failed');
    assert.equal(view.waitingFor, undefined);
  });

  it('falls back to the release id for the pipeline when the input is missing', () => {
    const view = buildReleaseView({
      release: { ...release, input: undefined, customStatus: undefined },
      links,
    });
    assert.equal(view.pipeline, 'pwbi-api');
    assert.deepEqual(view.stages, []);
  });

  it('summarizes without stages and approval links', () => {
    const summary = summarizeRelease(buildReleaseView({ release, links }));
    assert.deepEqual(Object.keys(summary).sort(), [
      'createdAt',
      'digest',
      'id',
      'image',
      'links',
      'pipeline',
      'requestedBy',
      'stage',
      'status',
      'step',
      'tag',
      'updatedAt',
    ]);
    assert.deepEqual(summary.links, { self: links.self });
  });
});

/** The release while staging runs its hooks: the release itself knows only the smoke check. */
const stagingRunning: ReleaseCustomStatus = {
  status: 'Running',
  stage: 'staging',
  step: 'approved by qa-lead@contoso.com',
  updatedAt: '2026-01-01T00:06:00.000Z',
  stages: [
    { name: 'dev', status: 'Succeeded', checks: [{ name: 'smoke', status: 'Passed' }] },
    { name: 'staging', status: 'Running', startedAt: '2026-01-01T00:06:00.000Z', checks: [] },
    { name: 'production', status: 'Pending', checks: [] },
  ],
};
const stagingProgress = {
  stage: 'staging',
  step: 'running migrate hooks',
  updatedAt: '2026-01-01T00:07:30.000Z',
  checks: [
    { name: 'smoke', status: 'Passed' as const },
    { name: 'db-backup', status: 'Passed' as const, detail: 'backup b-17' },
    { name: 'migrate', status: 'Running' as const },
  ],
};
const sub = (instanceId: string, runtimeStatus: string, customStatus: unknown) =>
  ({
    instanceId,
    runtimeStatus,
    createdTime: 'x',
    lastUpdatedTime: 'x',
    customStatus,
  }) satisfies DurableStatusLike;

describe('buildReleaseView with the stage in progress', () => {
  it("shows the running stage's live checks and step from its sub-orchestration", () => {
    const view = buildReleaseView({
      release: { ...release, customStatus: stagingRunning },
      stage: sub(`${input.releaseId}-staging`, 'Running', stagingProgress),
      links,
    });
    assert.equal(view.status, 'Running');
    assert.equal(view.stage, 'staging');
    assert.equal(view.step, 'running migrate hooks');
    assert.equal(view.updatedAt, '2026-01-01T00:07:30.000Z');
    assert.deepEqual(
      view.stages[1]?.checks.map((c) => [c.name, c.status]),
      [
        ['smoke', 'Passed'],
        ['db-backup', 'Passed'],
        ['migrate', 'Running'],
      ],
    );
    assert.equal(view.stages[1]?.status, 'Running');
    assert.equal(view.stages[1]?.startedAt, '2026-01-01T00:06:00.000Z');
    assert.deepEqual(view.stages[0], stagingRunning.stages[0], 'other stages untouched');
  });

  it('ignores progress of a stage that is not running, or that is not a stage progress', () => {
    const waiting = buildReleaseView({
      release,
      stage: sub(`${input.releaseId}-staging`, 'Running', stagingProgress),
      links,
    });
    assert.equal(waiting.step, 'waiting for approval');
    assert.deepEqual(waiting.stages[1]?.checks, []);
    for (const junk of [null, 'text', { stage: 'staging', checks: 'none' }]) {
      const view = buildReleaseView({
        release: { ...release, customStatus: stagingRunning },
        stage: sub(`${input.releaseId}-staging`, 'Running', junk),
        links,
      });
      assert.equal(view.step, stagingRunning.step);
      assert.deepEqual(view.stages[1]?.checks, []);
    }
  });

  it('names the stage whose sub-orchestration to read', () => {
    assert.equal(stageInProgress(stagingRunning), 'staging');
    assert.equal(stageInProgress({ ...stagingRunning, stage: 'dev' }), 'staging');
    assert.equal(stageInProgress(custom), undefined, 'waiting for approval');
    assert.equal(stageInProgress(undefined), undefined);
    assert.deepEqual(readStageProgress(stagingProgress), stagingProgress);
    assert.equal(readStageProgress({ stage: 'staging' }), undefined);
  });
});

describe('buildReleaseView with the monitor in progress', () => {
  const production: ReleaseCustomStatus = {
    ...stagingRunning,
    stage: 'production',
    step: 'monitoring production',
    stages: stagingRunning.stages.map((s) =>
      s.name === 'production' ? { ...s, status: 'Running' } : { ...s, status: 'Succeeded' },
    ),
  };
  const window = { startedAt: 't0', endsAt: 't60', samples: [], verdict: 'inconclusive' as const };
  const paused = {
    step: 'paused: inconclusive: 3 requests < 50; waiting for a decision',
    updatedAt: 't3',
    monitor: window,
    waitingForDecision: { since: 't3', reason: 'inconclusive: 3 requests < 50' },
  };

  it("shows the monitor's step and the decision a paused monitor waits for", () => {
    const view = buildReleaseView({
      release: { ...release, customStatus: production },
      monitor: sub(`${input.releaseId}-monitor`, 'Running', paused),
      links,
    });
    assert.equal(view.status, 'Running');
    assert.equal(view.step, paused.step);
    assert.equal(view.monitor?.step, paused.step);
    assert.deepEqual(view.monitor?.waitingForDecision, paused.waitingForDecision);
    assert.equal(view.monitor?.verdict, 'inconclusive');
  });

  it('drops the decision wait once the monitor has ended', () => {
    const view = buildReleaseView({
      release: { ...release, customStatus: production },
      monitor: sub(`${input.releaseId}-monitor`, 'Completed', paused),
      links,
    });
    assert.equal(view.step, 'monitoring production');
    assert.equal(view.monitor?.waitingForDecision, undefined);
    const malformed = buildReleaseView({
      release: { ...release, customStatus: production },
      monitor: sub(`${input.releaseId}-monitor`, 'Running', {
        ...paused,
        waitingForDecision: { since: 3 },
      }),
      links,
    });
    assert.equal(malformed.monitor?.waitingForDecision, undefined);
  });
});

describe('effectiveStatus', () => {
  it('combines the runtime status with the published one', () => {
    assert.equal(effectiveStatus('Running', 'WaitingForApproval'), 'WaitingForApproval');
    assert.equal(effectiveStatus('Running', undefined), 'Running');
    assert.equal(effectiveStatus('Completed', 'RolledBack'), 'RolledBack');
    assert.equal(effectiveStatus('Completed', 'Running'), 'Succeeded');
    assert.equal(effectiveStatus('Completed', 'Running', { status: 'Expired' }), 'Expired');
    assert.equal(effectiveStatus('Terminated', 'Running'), 'Canceled');
    assert.equal(effectiveStatus('Failed', 'Running'), 'Failed');
  });
});
