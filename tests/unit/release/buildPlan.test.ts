import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildPlan } from '../../../src/domain/plan/buildPlan.js';
import { settings, testConfig } from '../orchestrators/support/fixtures.js';

describe('buildPlan', () => {
  const pipeline = testConfig().pipelines[0]!;
  const plan = buildPlan(pipeline);

  it('keeps stages in order with targets, approvals, checks, hooks and warm-up', () => {
    assert.deepEqual(
      plan.stages.map((s) => s.name),
      ['dev', 'staging', 'production'],
    );
    assert.deepEqual(plan.stages[1]?.target, {
      subscription: 'sub-1',
      resourceGroup: 'pwbi-staging',
      site: 'pwbi-api-staging',
    });
    assert.deepEqual(plan.stages[2]?.approval, {
      approvers: ['eng-lead@contoso.com'],
      required: 1,
      timeoutMs: 72 * 3_600_000,
      distinctFrom: ['staging'],
    });
    assert.deepEqual(plan.stages[0]?.checks, [
      { name: 'smoke', path: '/health', timeoutMs: 120_000, expectStatus: 200 },
    ]);
    assert.deepEqual(plan.stages[1]?.hooks[1], {
      name: 'migrate',
      phase: 'migrate',
      timeoutMs: 15 * 60_000,
    });
    assert.equal(plan.stages[2]?.target.slot, 'staging');
    assert.equal(plan.stages[2]?.warmup?.successes, 3);
    assert.equal(plan.stages[2]?.monitor?.durationMs, 3_600_000);
  });

  it('holds no secret: no hook URL, webhook or App Insights resource appears in it', () => {
    const text = JSON.stringify(plan);
    for (const value of Object.values(settings))
      assert.ok(!text.includes(value), `plan leaks ${value}`);
  });
});
