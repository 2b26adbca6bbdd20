import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  CanaryCustomStatus,
  CanaryInput,
  CanaryResult,
  PromoteRequest,
} from '../../../src/domain/canary/index.js';
import { firstLine } from '../../../src/domain/release/index.js';
import { readCanaryStatus } from '../../../src/domain/view/readCanaryStatus.js';
import { canaryRelease } from '../../../src/orchestrators/canary/index.js';
import { plan } from '../monitor/support/fakeWorld.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import {
  durableLimitUnits,
  largestStatus,
  longestEmail,
  longFailureLine,
  withMarginUnits,
  worstAlertRollback,
  worstText,
} from '../support/worstCase.js';

const min = 60_000;
const iso = (ms: number): string => new Date(fakeStartMs + ms).toISOString();
/** The most steps the config allows (10), each judged every minute for 10 minutes. */
const stepsPercent = Array.from({ length: 10 }, (_, i) => (i + 1) * 9);
const stepMs = 10 * min;

const input: CanaryInput = {
  releaseId: 'r'.repeat(80),
  pipeline: 'p'.repeat(60),
  stage: 's'.repeat(60),
  canary: { stepsPercent, stepDurationMs: stepMs, pauseForApproval: true },
  monitor: plan(),
  site: { subscription: 'sub-1', resourceGroup: 'rg', site: 'site' },
  slot: 'staging',
  previousDigest: `sha256:${'01'.repeat(32)}`,
  newDigest: `sha256:${'ab'.repeat(32)}`,
  image: `reg.azurecr.io/app@sha256:${'ab'.repeat(32)}`,
};

/** A promote of step `i` by a distinct longest identity with the longest costliest reason. */
function promote(i: number, atMs: number): ScriptedEvent {
  const data: PromoteRequest = {
    fromStep: i,
    by: longestEmail(`p${i}`, 254),
    at: iso(atMs),
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    reason: worstText(`step ${i}`),
  };
  return { name: 'promote', data, atMs };
}

/** A 20 KB common-schema alert as the alerts route raises it on the canary. */
function alertRollback(atMs: number): ScriptedEvent {
  const site = '/subscriptions/sub-1/resourcegroups/rg/providers/microsoft.web/sites/site';
  const data = worstAlertRollback([site], 'azure-monitor (function key)', iso(atMs));
  return { name: 'rollback', data, atMs };
}

describe('custom status budget: canaryRelease', () => {
  it('fits ten promoted steps of samples with the longest identities, then a 20 KB alert abort', async () => {
    // Each step runs its 10 minutes, waits, and is promoted half a minute later.
    const events = stepsPercent
      .slice(0, -1)
      .map((_, i) => promote(i, i * (stepMs + min) + stepMs + min / 2));
    const lastStepMs = (stepsPercent.length - 1) * (stepMs + min);
    events.push(alertRollback(lastStepMs + 5 * min + min / 2));
    const run = await runOrchestration<CanaryResult>(
      canaryRelease,
      input,
      {
        activities: {
          readCancelRequest: () => null,
          canarySetShare: () => ({ shares: [] }),
          canaryReadShares: () => ({ shares: [] }),
          canarySample: () => ({
            health: {
              ok: true,
              status: 200,
              latencyMs: 12,
              detail: firstLine(longFailureLine('GET')),
            },
            canary: { requests: 5000, http5xx: 1, averageResponseMs: 120 },
            production: { requests: 50_000, http5xx: 10, averageResponseMs: 110 },
          }),
          monitorNotifyRollback: () => null,
          monitorAudit: () => null,
        },
        events,
      },
      `${input.releaseId}-canary`,
    );
    const out = run.output;
    assert.ok(out?.outcome === 'aborted', `${JSON.stringify(out)} ${String(run.error)}`);
    assert.equal(out.trigger, 'alert');
    const largest = largestStatus(run.statuses);
    if (process.env['BUDGET_REPORT'] !== undefined)
      console.log(`largest canary status: ${largest}`);
    assert.ok(largest <= withMarginUnits, `largest custom status ${largest} UTF-16 units`);
    assert.ok(withMarginUnits < durableLimitUnits);
    for (const status of run.statuses) {
      const canary = readCanaryStatus(status);
      assert.ok(
        canary !== undefined,
        `not a canary status: ${JSON.stringify(status).slice(0, 200)}`,
      );
      assert.equal(canary.canary.steps.length, stepsPercent.length, 'every step stays in the view');
      for (const [step, won] of Object.entries(canary.promotions)) {
        const sent = events[Number(step)]?.data as PromoteRequest;
        assert.equal(
          won.requestId,
          sent.requestId,
          'the promote API reads the winner back exactly',
        );
      }
    }
    const last = run.lastStatus<CanaryCustomStatus>();
    assert.equal(
      Object.keys(last.promotions).length,
      stepsPercent.length - 1,
      'every step was promoted',
    );
    assert.equal(last.status, 'RolledBack');
    assert.equal(last.canary.percent, 0);
    assert.ok(
      (last.canary.steps.at(-1)?.samples.length ?? 0) > 0,
      'the running step keeps samples',
    );
  });
});
