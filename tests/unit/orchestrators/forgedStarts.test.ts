import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { OrchestrationContext } from 'durable-functions';

import type { RecordAuditInput } from '../../../src/activities/contracts.js';
import { isSealedInput } from '../../../src/domain/identity/index.js';
import { ForgedStartError } from '../../../src/orchestrators/calls/ForgedStartError.js';
import { productionLock } from '../../../src/orchestrators/production/productionLock.js';
import { productionRelease } from '../../../src/orchestrators/production/productionRelease.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import { deployStage } from '../../../src/orchestrators/stage/deployStage.js';
import { fakeStartIso } from '../support/durable/fakeTime.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { startInput, testSealKey } from '../support/durable/seals.js';
import { releaseInput, stageInput } from './support/fixtures.js';
import { permissiveWorld } from './support/permissiveWorld.js';

const reason = /input not sealed by Slotpilot: started outside its API/;

type Orchestrator = (context: OrchestrationContext) => Generator<unknown, unknown, unknown>;

const cases: { name: string; orchestrator: Orchestrator; input: object; instanceId: string }[] = [
  {
    name: 'releasePipeline',
    orchestrator: releasePipeline,
    // What an attacker would start: the plan without any approval.
    input: {
      ...releaseInput(),
      plan: { stages: releaseInput().plan.stages.map(({ approval: _a, ...s }) => s) },
    },
    instanceId: 'pwbi-api-cdcdcdcdcdcdcdcdcdcd',
  },
  {
    name: 'deployStage',
    orchestrator: deployStage,
    input: stageInput('staging'),
    instanceId: 'pwbi-api-abababababababababab-staging',
  },
  {
    name: 'productionRelease',
    orchestrator: productionRelease,
    input: stageInput('production'),
    instanceId: 'pwbi-api-abababababababababab-production',
  },
  {
    name: 'productionLock',
    orchestrator: productionLock,
    input: { site: 'pwbi-api-prod', holder: 'attacker', releaseId: 'attacker' },
    instanceId: 'lock-pwbi-api-prod',
  },
];

describe('orchestrations started outside the API (unsealed input) are refused', () => {
  for (const c of cases) {
    it(`${c.name}: no seal, a made-up seal or another instance's seal → Failed, audited, no side effect`, async () => {
      const sealedElsewhere = await runOrchestration(
        c.orchestrator,
        c.input,
        permissiveWorld(),
        'other-id',
      );
      assert.equal(sealedElsewhere.error, undefined, 'sealed for its own instance it runs');
      const other = sealedElsewhere.activity('verifyOrchestrationInput')[0]?.input as {
        input: { seal: string };
      };
      const forgeries = [
        { ...c.input, seal: undefined },
        { ...c.input, seal: 'A'.repeat(43) },
        { ...c.input, seal: other.input.seal },
      ];
      for (const forged of forgeries) {
        const r = await runOrchestration(c.orchestrator, forged, permissiveWorld(), c.instanceId);
        assert.ok(r.error instanceof ForgedStartError, `${c.name} threw ${String(r.error)}`);
        assert.match(r.error.message, reason);
        assert.equal(r.output, undefined);
        assert.deepEqual(
          r.calls.map((call) => [call.kind, call.name]),
          [
            ['activity', 'verifyOrchestrationInput'],
            ['activity', 'recordAudit'],
          ],
          'nothing but the check and its audit line',
        );
        const audit = r.activity('recordAudit')[0]?.input as RecordAuditInput;
        assert.equal(audit.type, 'forgedStartRefused');
        assert.deepEqual(audit.detail, {
          orchestrator: c.name,
          instanceId: c.instanceId,
          refusal: 'notSealed',
        });
        assert.deepEqual(r.lastStatus(), {
          startRefused: { orchestrator: c.name, refusal: 'notSealed', at: fakeStartIso },
        });
        assert.ok(!JSON.stringify(audit).includes('seal'), 'no seal in the audit record');
      }
    });
  }

  it('a finished stage restarted through the Durable HTTP API with its recorded sealed input is refused', async () => {
    // The input as the release sealed it for its stage sub-orchestration...
    const recorded = startInput(
      'productionRelease',
      'pwbi-api-abababababababababab-production',
      stageInput('production'),
      'pwbi-api-abababababababababab',
    );
    // ...runs as that sub-orchestration, but not started again on its own (no parent).
    const script = { ...permissiveWorld(), parentInstanceId: 'pwbi-api-abababababababababab' };
    const id = 'pwbi-api-abababababababababab-production';
    assert.equal(
      (await runOrchestration(productionRelease, recorded, script, id)).error,
      undefined,
    );
    const replay = await runOrchestration(productionRelease, recorded, permissiveWorld(), id);
    assert.ok(replay.error instanceof ForgedStartError);
    assert.equal(replay.activity('startSwap').length, 0);
    assert.equal(replay.activity('deployImage').length, 0);
  });

  it('a failing verification counts as not sealed', async () => {
    const script = permissiveWorld();
    script.activities = {
      ...script.activities,
      verifyOrchestrationInput: () => {
        throw new Error('boom');
      },
    };
    const r = await runOrchestration(deployStage, stageInput('dev'), script);
    assert.ok(r.error instanceof ForgedStartError);
    assert.equal(r.activity('deployImage').length, 0);
  });
});

describe('sealed starts run, and the children they start are sealed for the ids they use', () => {
  it('releasePipeline seals each stage input for its sub-orchestration id', async () => {
    const input = releaseInput();
    input.plan.stages = input.plan.stages.map(({ approval: _a, ...s }) => s);
    const r = await runOrchestration(releasePipeline, input, permissiveWorld(), input.releaseId);
    assert.equal(r.error, undefined);
    const subs = r.calls.filter((call) => call.kind === 'sub');
    assert.equal(subs.length, 3);
    for (const sub of subs) {
      const id = sub.instanceId ?? '';
      assert.equal(isSealedInput(sub.name, id, sub.input, testSealKey, input.releaseId), true);
      assert.equal(
        isSealedInput(sub.name, 'other', sub.input, testSealKey, input.releaseId),
        false,
      );
      // Restarted on its own (no parent) through the Durable HTTP API, it does not verify.
      assert.equal(isSealedInput(sub.name, id, sub.input, testSealKey), false);
    }
  });

  it('productionRelease seals the monitor input for `<release>-monitor`', async () => {
    const script = { ...permissiveWorld(), parentInstanceId: 'pwbi-api-abababababababababab' };
    const id = 'pwbi-api-abababababababababab-production';
    const r = await runOrchestration(productionRelease, stageInput('production'), script, id);
    assert.equal(r.error, undefined);
    const monitor = r.calls.find((call) => call.kind === 'sub');
    assert.equal(monitor?.instanceId, 'pwbi-api-abababababababababab-monitor');
    assert.equal(
      isSealedInput('monitorRelease', monitor.instanceId, monitor.input, testSealKey, id),
      true,
    );
  });

  it('a stage whose input could not be sealed fails without starting it', async () => {
    const script = permissiveWorld();
    script.activities = {
      ...script.activities,
      sealOrchestrationInput: () => {
        throw new Error('no key');
      },
    };
    const input = releaseInput();
    input.plan.stages = input.plan.stages.map(({ approval: _a, ...s }) => s);
    const r = await runOrchestration(releasePipeline, input, script, input.releaseId);
    assert.equal(r.calls.filter((call) => call.kind === 'sub').length, 0);
    assert.equal((r.output as { status?: string } | undefined)?.status, 'Failed');
  });
});
