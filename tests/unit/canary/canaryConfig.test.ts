import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError, parseConfig } from '../../../src/domain/config/index.js';
import { buildPlan } from '../../../src/domain/plan/buildPlan.js';

/** A production stage with `strategy` set to `strategy` (YAML flow text), `monitor` optional. */
const withStrategy = (strategy: string, monitor = true) => `
pipelines:
  - name: web
    source: { registry: webreg.azurecr.io, repository: web }
    stages:
      - name: production
        target: { subscription: sub-1, resourceGroup: rg-prod, site: web-prod, slot: staging }
${monitor ? "        monitor: { appInsights: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/web' }\n" : ''}        strategy: ${strategy}
`;

function issuesOf(yaml: string): string[] {
  try {
    parseConfig(yaml, { settings: {} });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.received}`);
  }
  assert.fail('expected the config to be rejected');
}

describe('production strategy in the pipeline config', () => {
  it('defaults to swap, and a canary is snapshotted into the plan with durations in ms', () => {
    const swap = parseConfig(withStrategy('swap'), { settings: {} });
    assert.equal(swap.pipelines[0]?.stages[0]?.strategy, 'swap');
    assert.equal(buildPlan(swap.pipelines[0]).stages[0]?.canary, undefined);

    const config = parseConfig(
      withStrategy(
        '{ canary: { steps: [5, 25, 50], stepDuration: 10m, maxErrorRateIncrease: 0.005 } }',
      ),
      { settings: {} },
    );
    assert.deepEqual(buildPlan(config.pipelines[0]!).stages[0]?.canary, {
      stepsPercent: [5, 25, 50],
      stepDurationMs: 600_000,
      pauseForApproval: false,
      maxErrorRateIncrease: 0.005,
    });
  });

  it('names the field, what was expected and what arrived for bad steps', () => {
    const issues = issuesOf(withStrategy('{ canary: { steps: [5, 100, 50] } }'));
    assert.ok(
      issues.some((i) => /strategy\.canary\.steps\[1\]: expected a number <= 99, got 100/.test(i)),
      issues.join('\n'),
    );
    const order = issuesOf(withStrategy('{ canary: { steps: [25, 5] } }'));
    assert.ok(
      order.some((i) => /strategy\.canary\.steps: expected steps in increasing order/.test(i)),
      order.join('\n'),
    );
    const duration = issuesOf(withStrategy('{ canary: { steps: [5], stepDuration: soon } }'));
    assert.ok(
      duration.some((i) => /strategy\.canary\.stepDuration: expected a duration/.test(i)),
      duration.join('\n'),
    );
    const unknown = issuesOf(withStrategy('blue-green'));
    assert.ok(
      unknown.some((i) => /strategy: expected swap or \{canary/.test(i)),
      unknown.join('\n'),
    );
  });

  it('requires a monitor section for a canary (its thresholds judge the steps)', () => {
    const issues = issuesOf(withStrategy('{ canary: { steps: [5] } }', false));
    assert.ok(
      issues.some((i) => /stages\[0\]\.monitor: expected a monitor section/.test(i)),
      issues.join('\n'),
    );
  });
});
