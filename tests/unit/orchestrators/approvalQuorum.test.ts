import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideApproval } from '../../../src/domain/identity/index.js';
import type {
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseOutcome,
  StageInput,
} from '../../../src/domain/release/index.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { answeringWait, releaseInput, stageResult } from './support/fixtures.js';

const hourMs = 3_600_000;
const approvers = ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'];

/** The fixture release whose staging needs 2 of a, b and c; production needs eng-lead. */
function quorumInput(): ReleaseInput {
  const input = releaseInput();
  for (const stage of input.plan.stages) {
    if (stage.name === 'staging' && stage.approval !== undefined)
      stage.approval = { ...stage.approval, approvers, required: 2 };
  }
  return input;
}

const approval = (stage: string, by: string, atMs: number): ScriptedEvent => ({
  name: 'approval',
  data: answeringWait({ stage, decision: 'approved', by, at: new Date(atMs).toISOString() }),
  atMs,
});

const run = (events: ScriptedEvent[]) =>
  runOrchestration<ReleaseOutcome>(releasePipeline, quorumInput(), {
    activities: {
      notify: () => null,
      recordAudit: () => null,
      tryAcquireLock: () => ({ acquired: true }),
    },
    subOrchestrators: {
      deployStage: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
      productionRelease: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
    },
    events,
  });

describe('approval quorum (required: 2 of 3)', () => {
  it('waits after the first approval, showing who approved and how many more are needed', async () => {
    const r = await run([approval('staging', 'a@contoso.com', hourMs)]);
    const last = r.statuses
      .map((st) => st as ReleaseCustomStatus)
      .findLast((st) => st.status === 'WaitingForApproval');
    assert.ok(last !== undefined);
    assert.equal(last.waitingFor?.stage, 'staging');
    assert.deepEqual(
      last.waitingFor?.approvals?.map((a) => a.by),
      ['a@contoso.com'],
    );
    assert.equal(last.waitingFor?.required, 2);
    assert.equal(last.waitingFor?.stillNeeded, 1);
    assert.ok(!r.calls.some((c) => c.instanceId?.endsWith('-staging')), 'staging not started');
    assert.equal(r.lastStatus<ReleaseCustomStatus>().status, 'Expired', 'one approval of two');
  });

  it('counts the same person once and goes ahead at the second distinct approver, recording both', async () => {
    const r = await run([
      approval('staging', 'a@contoso.com', hourMs),
      approval('staging', 'A@contoso.com', 2 * hourMs),
      approval('staging', 'c@contoso.com', 3 * hourMs),
      approval('production', 'eng-lead@contoso.com', 4 * hourMs),
    ]);
    assert.deepEqual(r.output, { status: 'Succeeded', stage: 'production' });
    const staging = r.calls.find((c) => c.instanceId?.endsWith('-staging'));
    const at = staging?.atMs ?? 0;
    assert.ok(at >= 3 * hourMs && at < 4 * hourMs, `staging ran after the second approval: ${at}`);
    const stage = r.lastStatus<ReleaseCustomStatus>().stages.find((s) => s.name === 'staging');
    assert.deepEqual(
      stage?.approvals?.map((a) => a.by),
      ['a@contoso.com', 'c@contoso.com'],
    );
  });

  it('refuses the same approver twice at the API (403 alreadyApproved), not a second one', () => {
    const input = quorumInput();
    const facts = {
      status: 'WaitingForApproval' as const,
      requestedBy: 'acr:ci',
      plan: input.plan,
      waitingFor: { stage: 'staging', approvals: [{ by: 'a@contoso.com' }] },
      stages: [],
    };
    assert.deepEqual(
      decideApproval(facts, { action: 'approve', stage: 'staging', actor: 'A@Contoso.com' }),
      { kind: 'alreadyApproved', approvals: 1, required: 2 },
    );
    assert.deepEqual(
      decideApproval(facts, { action: 'approve', stage: 'staging', actor: 'b@contoso.com' }),
      { kind: 'allowed' },
    );
  });
});
