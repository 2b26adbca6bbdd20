import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CallHookInput } from '../../../src/activities/contracts.js';
import { configLimits } from '../../../src/domain/config/index.js';
import type { StageInput, StageProgress, StageResult } from '../../../src/domain/release/index.js';
import { firstLine } from '../../../src/domain/release/index.js';
import { readStageProgress } from '../../../src/domain/view/readStageProgress.js';
import { productionLock } from '../../../src/orchestrators/production/productionLock.js';
import { productionRelease } from '../../../src/orchestrators/production/productionRelease.js';
import { deployStage } from '../../../src/orchestrators/stage/deployStage.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import {
  durableLimitUnits,
  largestStatus,
  longFailureLine,
  withMarginUnits,
  worstText,
} from '../support/worstCase.js';
import { digest, oldDigest, stageInput } from './support/fixtures.js';

const hookName = (i: number): string => `h${i}-`.padEnd(60, 'x');
/** What a hook's synchronous answer may carry: 500 characters of anything (control characters cost 6). */
const worstAnswer = (hook: string): string => `hook ${hook} failed: ${'\u0001'.repeat(500)}`;

/** A site that is ready, with the longest one-line probe detail a check can keep. */
const readyWithLongestDetail = () => ({
  ready: true,
  configuredDigest: digest,
  servedDigest: digest,
  state: 'Running',
  status: 200,
  detail: firstLine(longFailureLine('GET')),
});

/** A stage with the most smoke checks and hooks: all verify hooks, run together. */
function worstStage(): StageInput {
  const input = stageInput('staging');
  return {
    ...input,
    stage: {
      ...input.stage,
      name: 's'.padEnd(60, 'x'),
      checks: Array.from({ length: configLimits.checksPerStage }, (_, i) => ({
        name: `smoke-${i + 1}`,
        path: `/${'p'.repeat(200)}`,
        timeoutMs: 60_000,
        expectStatus: 200,
      })),
      hooks: Array.from({ length: configLimits.hooksPerStage }, (_, i) => ({
        name: hookName(i),
        phase: 'verify',
        timeoutMs: 30 * 60_000,
      })),
    },
  };
}

/** Asserts every status fits with margin and still names every awaited callback and check. */
function assertStageBudgetKept(statuses: unknown[], checks: number): void {
  const largest = largestStatus(statuses);
  if (process.env['BUDGET_REPORT'] !== undefined) console.log(`largest stage status: ${largest}`);
  assert.ok(largest <= withMarginUnits, `largest custom status ${largest} UTF-16 units`);
  assert.ok(withMarginUnits < durableLimitUnits);
  let most = 0;
  for (const status of statuses) {
    const progress = readStageProgress(status);
    assert.ok(
      progress !== undefined,
      `not stage progress: ${JSON.stringify(status).slice(0, 200)}`,
    );
    most = Math.max(most, progress.checks.length);
    for (const id of progress.awaitingCallbacks ?? []) assert.match(id, /^call-\d+$/);
  }
  assert.equal(most, checks, 'every check and hook stays in the status');
}

describe('custom status budget: deployStage', () => {
  it('fits with the most checks and hooks, the costliest answers and callback details, and a failure', async () => {
    const input = worstStage();
    // Even hooks answer at once with the costliest detail; odd ones call back (1 000 characters).
    const callbacks = input.stage.hooks.flatMap((h, i) => (i % 2 === 1 ? [h.name] : []));
    const events: ScriptedEvent[] = callbacks.map((hook, k) => ({
      name: `hook-${input.stage.name}-${hook}`,
      atMs: (k + 1) * 60_000,
      data: { status: 'failed', detail: worstText(hook, 1000), callbackId: `call-${k}` },
    }));
    let awaitedSeen = 0;
    const r = await runOrchestration<StageResult>(
      deployStage,
      input,
      {
        activities: {
          deployImage: () => ({ changed: true, hostName: 'site.azurewebsites.net' }),
          checkSite: readyWithLongestDetail,
          callHook: (call: CallHookInput) => {
            const k = callbacks.indexOf(call.hook);
            if (k >= 0) return { kind: 'running', callbackId: `call-${k}` };
            return { kind: 'result', status: 'failed', detail: worstAnswer(call.hook) };
          },
        },
        events,
      },
      'r'.repeat(80),
    );
    assert.equal(r.output?.status, 'Failed', String(r.error));
    const total = configLimits.checksPerStage + configLimits.hooksPerStage;
    assert.equal(r.output?.checks.length, total);
    assertStageBudgetKept(r.statuses, total);
    for (const status of r.statuses) {
      awaitedSeen = Math.max(
        awaitedSeen,
        readStageProgress(status)?.awaitingCallbacks?.length ?? 0,
      );
    }
    assert.equal(awaitedSeen, callbacks.length, 'every awaited callback stays in the status');
    assert.ok(r.lastStatus<StageProgress>().checks.every((c) => c.status !== 'Running'));
    const answered = r.output?.checks.filter((c) => c.detail === worstText(c.name, 1000));
    assert.equal(answered?.length, callbacks.length, 'every callback arrived before its deadline');
  });
});

describe('custom status budget: productionRelease', () => {
  it('fits through a lock wait, the most preSwap hooks with the costliest answers, swap, and a rollback with the longest reason', async () => {
    const staging = worstStage();
    const production = stageInput('production');
    const input: StageInput = {
      ...production,
      releaseId: 'r'.repeat(80),
      stage: {
        ...production.stage,
        name: 'p'.padEnd(60, 'x'),
        checks: staging.stage.checks,
        hooks: staging.stage.hooks.map((h) => ({ ...h, phase: 'preSwap' })),
      },
    };
    const handle = {
      pollerState: '{}',
      site: { subscription: 's', resourceGroup: 'r', site: 'p' },
    };
    const reason = `manual rollback by someone: ${worstText('rollback')}`;
    const r = await runOrchestration<StageResult>(
      productionRelease,
      input,
      {
        activities: {
          readCancelRequest: () => null,
          tryAcquireLock: (_: unknown, n: number) =>
            n > 3 ? { acquired: true } : { acquired: false, heldBy: 'o'.repeat(120) },
          releaseLock: () => null,
          notify: () => null,
          recordAudit: () => null,
          readSlots: () => ({
            productionHostName: 'p.azurewebsites.net',
            productionDigest: oldDigest,
          }),
          deployImage: () => ({ changed: true, hostName: 'p-staging.azurewebsites.net' }),
          checkSite: readyWithLongestDetail,
          callHook: (call: CallHookInput) => ({
            kind: 'result',
            status: 'passed',
            detail: worstAnswer(call.hook),
          }),
          startSwap: () => ({ kind: 'started', handle: { ...handle, slot: 'staging' } }),
          pollSwap: () => ({ status: 'succeeded' }),
        },
        subOrchestrators: {
          monitorRelease: () => ({
            outcome: 'rolledBack',
            trigger: 'manual',
            reason,
            evidence: { requestedAt: 'x' },
            detectedAt: 'a',
            decidedAt: 'b',
            swapBackCompletedAt: 'c',
          }),
        },
      },
      `${input.releaseId}-production`,
    );
    assert.equal(r.output?.status, 'RolledBack', String(r.error));
    assert.equal(r.output?.reason, `rolled back: ${reason}`);
    const seen = r.statuses.map((s) => readStageProgress(s));
    assert.ok(
      seen.some((p) => p?.waitingForLock !== undefined),
      'the lock wait was shown',
    );
    // warm-up, the hooks, swap and verify
    assertStageBudgetKept(r.statuses, configLimits.hooksPerStage + 3);
    assert.equal(r.lastStatus<StageProgress>().previousDigest, oldDigest);
  });
});

describe('custom status budget: productionLock', () => {
  it('names its holder exactly, however long the ids (Durable allows 256 characters)', async () => {
    const input = { releaseId: 'r'.repeat(256), holder: 'h'.repeat(256), site: 's'.repeat(256) };
    const r = await runOrchestration<string>(
      productionLock,
      input,
      { activities: { isInstanceActive: (_: unknown, n: number) => n < 3 } },
      `lock-${'s'.repeat(250)}`,
    );
    assert.match(r.output ?? '', /^holder h+ ended$/, String(r.error));
    assert.ok(largestStatus(r.statuses) <= withMarginUnits);
    for (const status of r.statuses) {
      assert.deepEqual(status, { heldBy: input.releaseId, holder: input.holder });
    }
  });
});
