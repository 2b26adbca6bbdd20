import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { configLimits, parseConfig } from '../../../src/domain/config/index.js';
import { buildPlan } from '../../../src/domain/plan/buildPlan.js';
import type {
  CancelRequest,
  CheckView,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseOutcome,
  StageInput,
  StageResult,
} from '../../../src/domain/release/index.js';
import { firstLine } from '../../../src/domain/release/index.js';
import { readCustomStatus } from '../../../src/domain/view/readCustomStatus.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import {
  durableLimitUnits,
  largestStatus,
  longestEmail,
  longFailureLine,
  withMarginUnits,
  worstText,
} from '../support/worstCase.js';
import { answeringWait, digest, image } from './support/fixtures.js';

const hourMs = 3_600_000;
const iso = (ms: number): string => new Date(fakeStartMs + ms).toISOString();
const stageCount = configLimits.stages;
const approverCount = configLimits.approversPerStage;
const hookCount = configLimits.hooksPerStage;

/** A 60-character stage name (the longest the config allows), distinct per index. */
const stageName = (i: number): string => `s${i}-`.padEnd(60, 'x');
const hookName = (i: number): string => `h${i}-`.padEnd(60, 'x');
const approvers = Array.from({ length: approverCount }, (_, i) =>
  longestEmail(`a${i}`, configLimits.approverEmailChars),
);

/**
 * A pipeline of the most stages, each listing the most approvers, with the most checks and
 * hooks; `required` per stage (their sum at most {@link configLimits.approvalsPerPipeline}).
 */
function worstPipelineInput(required: (stage: number) => number | undefined): ReleaseInput {
  const config = {
    pipelines: [
      {
        name: 'p'.padEnd(60, 'x'),
        source: { registry: 'reg.azurecr.io', repository: 'app' },
        stages: Array.from({ length: stageCount }, (_, i) => ({
          name: stageName(i),
          // The last stage swaps a slot into production (productionRelease; it can be canceled).
          target: {
            subscription: 'sub-1',
            resourceGroup: 'rg',
            site: `site-${i}`,
            ...(i === stageCount - 1 && { slot: 'staging' }),
          },
          ...(required(i) === undefined ? {} : { approval: { approvers, required: required(i) } }),
          checks: Array.from({ length: configLimits.checksPerStage }, () => ({ smoke: {} })),
          hooks: Array.from({ length: hookCount }, (_, h) => ({
            name: hookName(h),
            phase: 'verify',
            url: 'https://hooks.test/x',
          })),
        })),
      },
    ],
  };
  const parsed = parseConfig(JSON.stringify(config), { settings: {}, localMode: false });
  const pipeline = parsed.pipelines[0];
  if (pipeline === undefined) throw new Error('no pipeline');
  return {
    releaseId: 'r'.repeat(80),
    pipeline: pipeline.name,
    image,
    tag: 't'.repeat(128),
    digest,
    requestedBy: longestEmail('starter', 254),
    plan: buildPlan(pipeline),
  };
}

/**
 * A stage's result with every check and hook and the longest detail the code keeps (a callback
 * detail of 1 000 characters, a failure's first line): passed, or failed for the last stage.
 */
function worstResult(input: StageInput): StageResult {
  const fails = input.stage.name === stageName(stageCount - 1);
  const status = fails ? ('Failed' as const) : ('Passed' as const);
  const checks: CheckView[] = [
    ...input.stage.checks.map((c) => ({
      name: c.name,
      status,
      detail: firstLine(longFailureLine(c.name)),
    })),
    ...input.stage.hooks.map((h) => ({ name: h.name, status, detail: worstText(h.name, 1000) })),
  ];
  return {
    stage: input.stage.name,
    status: fails ? 'Failed' : 'Succeeded',
    ...(fails && { reason: firstLine(longFailureLine('deploy')) }),
    checks,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
  };
}

/**
 * The approvals each stage needs, one a minute in stage order, each with the longest costliest
 * comment; `reject` turns the last one of that stage into a rejection with the longest reason.
 */
function approvalEvents(
  required: (stage: number) => number | undefined,
  reject?: number,
): ScriptedEvent[] {
  const events: ScriptedEvent[] = [];
  for (let s = 0; s < stageCount; s += 1) {
    const needed = required(s) ?? 0;
    approvers.slice(0, needed).forEach((by, a) => {
      const atMs = (events.length + 1) * 60_000;
      const rejects = s === reject && a === needed - 1;
      events.push({
        name: 'approval',
        atMs,
        data: answeringWait({
          stage: stageName(s),
          decision: rejects ? 'rejected' : 'approved',
          by,
          at: new Date(fakeStartMs + atMs).toISOString(),
          comment: worstText(`${s}-${a}`),
        }),
      });
    });
  }
  return events;
}

/**
 * Asserts every status the release set fits with margin and still serves the release view and
 * the approval policy: every stage, the wait's start, and every approver exactly as given.
 */
function assertBudgetKept(statuses: unknown[]): void {
  const largest = largestStatus(statuses);
  if (process.env['BUDGET_REPORT'] !== undefined) console.log(`largest release status: ${largest}`);
  assert.ok(largest <= withMarginUnits, `largest custom status ${largest} UTF-16 units`);
  assert.ok(withMarginUnits < durableLimitUnits);
  for (const status of statuses) {
    const view = readCustomStatus(status);
    assert.ok(view !== undefined, `not a release view: ${JSON.stringify(status).slice(0, 200)}`);
    assert.equal(view.stages.length, stageCount, 'every stage stays in the view');
    if (view.status === 'WaitingForApproval') {
      assert.match(view.waitingFor?.since ?? '', /^\d{4}-/, 'the API answers the wait it reads');
      assert.deepEqual(view.waitingFor?.approvers, approvers);
    }
    const given = [
      ...(view.waitingFor?.approvals ?? []),
      ...view.stages.flatMap((s) => [...(s.approvals ?? []), ...(s.approval ? [s.approval] : [])]),
    ];
    for (const a of given) assert.ok(approvers.includes(a.by), `approver kept exactly: ${a.by}`);
  }
}

const run = (
  required: (stage: number) => number | undefined,
  events: ScriptedEvent[],
  productionMs = 0,
) => {
  const input = worstPipelineInput(required);
  return runOrchestration<ReleaseOutcome>(
    releasePipeline,
    input,
    {
      activities: {
        notify: () => null,
        recordAudit: () => null,
        tryAcquireLock: () => ({ acquired: true }),
        supersedeOlderReleases: () => ({ superseded: [] }),
      },
      subOrchestrators: { deployStage: worstResult, productionRelease: worstResult },
      subDurationMs: { productionRelease: productionMs },
      events,
    },
    input.releaseId,
  );
};

describe('custom status budget: releasePipeline', () => {
  it('fits with the most stages, checks and hooks, an approval per stage with the longest comment, and a failure', async () => {
    const everyStage = (): number => 1;
    const r = await run(everyStage, approvalEvents(everyStage));
    assert.equal(r.output?.status, 'Failed', String(r.error));
    assert.equal(r.output?.stage, stageName(stageCount - 1));
    assertBudgetKept(r.statuses);
    const last = r.lastStatus<ReleaseCustomStatus>();
    assert.ok(last.stages.slice(0, -1).every((s) => s.status === 'Succeeded' && s.approval));
    assert.equal(last.stages.at(-1)?.checks.length, configLimits.checksPerStage + hookCount);
  });

  it('fits with quorums of the longest comments, ending in a rejection with the longest reason', async () => {
    const half = configLimits.approvalsPerPipeline / 2;
    const quorums = (s: number): number | undefined => (s < 2 ? half : undefined);
    const r = await run(quorums, approvalEvents(quorums, 1));
    assert.equal(r.output?.status, 'Rejected', String(r.error));
    assert.ok(r.elapsedMs < 72 * hourMs, 'every approval was taken at the wait it answered');
    assertBudgetKept(r.statuses);
    assert.equal(r.lastStatus<ReleaseCustomStatus>().stages[0]?.approvals?.length, half);
  });

  it('fits a cancel by the longest identity with the longest reason while production runs', async () => {
    const none = (): undefined => undefined;
    const cancel: CancelRequest = {
      by: longestEmail('ops', 254),
      reason: worstText('cancel'),
      at: iso(hourMs / 2),
    };
    const r = await run(none, [{ name: 'cancel', data: cancel, atMs: hourMs / 2 }], hourMs);
    assert.equal(r.output?.stage, stageName(stageCount - 1), String(r.error));
    assertBudgetKept(r.statuses);
    const asked = r.statuses.map((s) => readCustomStatus(s)?.cancelRequested).filter(Boolean);
    assert.ok(asked.length > 0, 'the cancel was recorded for the running production stage');
    // productionRelease reads it back (readCancelRequest): it must stay whole.
    for (const c of asked) assert.deepEqual(c, { ...cancel, at: iso(hourMs / 2) });
  });
});
