import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CanaryCustomStatus } from '../../../src/domain/canary/index.js';
import {
  assessCanarySample,
  type CanarySample,
  decidePromote,
  decideStep,
  metricsWindow,
} from '../../../src/domain/canary/index.js';
import type { ReleasePlan } from '../../../src/domain/release/index.js';

const thresholds = { errorRate: 0.01, p95Ms: 2000, minRequests: 50 };
const healthy = { ok: true, status: 200, latencyMs: 5, detail: '200' };
const window = { fromIso: '2026-01-05T10:01:00.000Z', toIso: '2026-01-05T10:03:00.000Z' };
const sample = (over: Partial<CanarySample>): CanarySample => ({
  at: '2026-01-05T10:04:00.000Z',
  window,
  health: healthy,
  ...over,
});

describe('judging a canary sample on the slot’s own platform metrics', () => {
  it('breaches on the slot’s error rate while production is clean', () => {
    const v = assessCanarySample(
      sample({
        canary: { requests: 60, http5xx: 12, averageResponseMs: 70 },
        production: { requests: 1100, http5xx: 0, averageResponseMs: 65 },
      }),
      thresholds,
    );
    assert.equal(v.verdict, 'breach');
    assert.match(v.reason, /errorRate 0\.2 > 0\.01/);
    assert.equal((v.evidence as { productionErrorRate?: number }).productionErrorRate, 0);
  });

  it('holds the average response time against the p95 threshold', () => {
    const v = assessCanarySample(
      sample({ canary: { requests: 60, http5xx: 0, averageResponseMs: 2500 } }),
      thresholds,
    );
    assert.equal(v.verdict, 'breach');
    assert.match(v.reason, /p95 2500ms > 2000ms/);
    assert.match(JSON.stringify(v.evidence), /average HttpResponseTime/);
  });

  it('is inconclusive with too little canary traffic, and a failing probe is a health breach', () => {
    const low = assessCanarySample(
      sample({ canary: { requests: 30, http5xx: 30, averageResponseMs: 50 } }),
      thresholds,
    );
    assert.equal(low.verdict, 'inconclusive');
    const probe = assessCanarySample(
      sample({
        health: { ok: false, status: 503, latencyMs: 3, detail: '503' },
        canary: { requests: 60, http5xx: 0, averageResponseMs: 50 },
      }),
      thresholds,
    );
    assert.ok(probe.verdict === 'breach' && probe.rules.includes('health'));
  });

  it('breaches on maxErrorRateIncrease over production, within the absolute threshold', () => {
    const loose = { ...thresholds, errorRate: 0.05 };
    const traffic = {
      canary: { requests: 100, http5xx: 3, averageResponseMs: 50 },
      production: { requests: 1000, http5xx: 5, averageResponseMs: 50 },
    };
    assert.equal(assessCanarySample(sample(traffic), loose).verdict, 'pass');
    const v = assessCanarySample(sample(traffic), loose, 0.02);
    assert.equal(v.verdict, 'breach');
    assert.match(v.reason, /exceeds production's 0\.005 by more than 0\.02/);
  });
});

describe('canary steps and windows', () => {
  it('a step passes with one passing sample, else it is inconclusive', () => {
    assert.equal(decideStep([{ verdict: 'inconclusive' }, { verdict: 'pass' }]), 'passed');
    assert.equal(decideStep([{ verdict: 'inconclusive' }]), 'inconclusive');
    assert.equal(decideStep([]), 'inconclusive');
  });

  it('reads whole published minutes of the step only', () => {
    const at = (iso: string) => new Date(`2026-01-05T${iso}Z`);
    assert.deepEqual(metricsWindow('2026-01-05T10:00:30.000Z', at('10:04:10'), 300_000, 60_000), {
      fromIso: '2026-01-05T10:01:00.000Z',
      toIso: '2026-01-05T10:03:00.000Z',
    });
    assert.equal(
      metricsWindow('2026-01-05T10:00:30.000Z', at('10:01:50'), 300_000, 60_000),
      undefined,
    );
    assert.deepEqual(metricsWindow('2026-01-05T10:00:00.000Z', at('10:20:00'), 300_000, 60_000), {
      fromIso: '2026-01-05T10:15:00.000Z',
      toIso: '2026-01-05T10:19:00.000Z',
    });
  });
});

describe('who may promote which step', () => {
  const plan: ReleasePlan = {
    stages: [
      {
        name: 'production',
        target: { subscription: 's', resourceGroup: 'rg', site: 'web' },
        approval: { approvers: ['lead@contoso.com'], timeoutMs: 1, distinctFrom: [] },
        checks: [],
        hooks: [],
        canary: { stepsPercent: [5, 50], stepDurationMs: 1, pauseForApproval: true },
      },
    ],
  };
  const status = (over: Partial<CanaryCustomStatus> = {}): CanaryCustomStatus => ({
    step: '',
    updatedAt: '',
    promotions: {},
    canary: {
      step: 0,
      percent: 5,
      state: 'waitingForPromotion',
      waitingForPromotion: { step: 0, since: 't', reason: 'r' },
      steps: [
        { percent: 5, status: 'passed', samples: [] },
        { percent: 50, status: 'pending', samples: [] },
      ],
      source: '',
    },
    ...over,
  });

  it('lets an approver of the canary stage promote the step in progress, once', () => {
    assert.deepEqual(decidePromote(plan, { running: true, status: status() }, 'LEAD@contoso.com'), {
      kind: 'allowed',
      fromStep: 0,
      percent: 5,
    });
    assert.equal(
      decidePromote(plan, { running: true, status: status() }, 'eve@contoso.com').kind,
      'notApprover',
    );
    const won = status({
      promotions: { '0': { requestId: 'r1', by: 'lead@contoso.com', at: 't' } },
    });
    assert.deepEqual(decidePromote(plan, { running: true, status: won }, 'lead@contoso.com'), {
      kind: 'alreadyPromoted',
      step: 0,
      by: 'lead@contoso.com',
      at: 't',
    });
    assert.equal(
      decidePromote(plan, { running: false, status: status() }, 'lead@contoso.com').kind,
      'noCanary',
    );
  });

  it('refuses a promote naming another step than the one the canary is at', () => {
    const atStep = (step: number) => ({
      running: true,
      status: status({
        canary: {
          ...status().canary,
          step,
          waitingForPromotion: { step, since: 't', reason: 'r' },
        },
      }),
    });
    assert.deepEqual(decidePromote(plan, atStep(1), 'lead@contoso.com', 0), {
      kind: 'otherStep',
      step: 1,
      named: 0,
    });
    assert.deepEqual(decidePromote(plan, atStep(0), 'lead@contoso.com', 1), {
      kind: 'otherStep',
      step: 0,
      named: 1,
    });
    assert.deepEqual(decidePromote(plan, atStep(1), 'lead@contoso.com', 1), {
      kind: 'allowed',
      fromStep: 1,
      percent: 50,
    });
    // who may promote is decided first: a stranger naming any step is not an approver
    assert.equal(decidePromote(plan, atStep(1), 'eve@contoso.com', 0).kind, 'notApprover');
  });
});
