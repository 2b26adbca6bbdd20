import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { OrchestrationContext } from 'durable-functions';

import { isSealedInput } from '../../../src/domain/identity/index.js';
import type {
  MonitorInput,
  MonitorResult,
  RollbackReleaseInput,
} from '../../../src/domain/monitor/contract.js';
import { monitorRelease, rollbackRelease } from '../../../src/orchestrators/monitor/index.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import { testSealKey } from '../support/durable/seals.js';
import { type fakeWorld, monitorInput, newDigest, statsOf } from './support/fakeWorld.js';
import { monitorInstance, runWithWorld } from './support/runMonitor.js';

type World = ReturnType<typeof fakeWorld>;

const { carry: _carry, ...target } = monitorInput();
const rollbackInput: RollbackReleaseInput = {
  monitor: target,
  request: {
    source: 'manual',
    by: 'attacker@example.com',
    reason: 'x',
    at: new Date(fakeStartMs).toISOString(),
  },
};

/** Runs a start the way an attacker would (its own seal field); returns the error and the world. */
async function forgedRun(
  orchestrator: (context: OrchestrationContext) => Generator<unknown, unknown, unknown>,
  input: object,
): Promise<{ error: unknown; world: World }> {
  // Production breaches at once: a monitor that ran would swap back at its first tick.
  const breaching = { stats: () => statsOf(600, 300) };
  const { run, world } = await runWithWorld(orchestrator, input, breaching);
  return { error: run.error, world };
}

function assertRefused(error: unknown, world: World, name: string): void {
  assert.match(String(error), /input not sealed by Slotpilot: started outside its API/);
  assert.equal(world.record.swaps, 0, 'no swap');
  assert.equal(world.record.probes, 0, 'no probe');
  assert.equal(world.record.queries.length, 0, 'no query');
  assert.equal(world.record.notifications.length, 0, 'no notification');
  assert.equal(world.slots.get('production'), newDigest);
  const audits = [...world.record.audit.values()];
  assert.deepEqual(
    audits.map((a) => [a.type, a.detail]),
    [
      [
        'forgedStartRefused',
        { orchestrator: name, instanceId: monitorInstance, refusal: 'notSealed' },
      ],
    ],
  );
  assert.ok(!JSON.stringify(audits).includes('seal'), 'no seal in the audit record');
}

describe('monitoring orchestrations started outside the API are refused', () => {
  it('monitorRelease with an unsealed or made-up seal fails at once and never swaps', async () => {
    for (const forged of [
      { ...monitorInput(), seal: undefined },
      { ...monitorInput(), seal: 'A'.repeat(43) },
    ]) {
      const { error, world } = await forgedRun(monitorRelease, forged);
      assertRefused(error, world, 'monitorRelease');
    }
  });

  it('monitorRelease verifies every execution: a forged continue-as-new input is refused', async () => {
    const carried: MonitorInput = {
      ...monitorInput(),
      carry: {
        generation: 3,
        consecutiveBreaches: 0,
        samples: [],
        sampleCount: 30,
        startedAt: 'x',
      },
    };
    const { error, world } = await forgedRun(monitorRelease, { ...carried, seal: 'B'.repeat(43) });
    assertRefused(error, world, 'monitorRelease');
  });

  it('rollbackRelease with an unsealed input fails at once and never swaps back', async () => {
    const { error, world } = await forgedRun(rollbackRelease, {
      ...rollbackInput,
      seal: undefined,
    });
    assertRefused(error, world, 'rollbackRelease');
  });
});

describe('sealed monitoring starts run', () => {
  it('monitorRelease seals the input of each continue-as-new for its own instance', async () => {
    const { run } = await runWithWorld(monitorRelease, monitorInput());
    assert.equal((run.output as MonitorResult).outcome, 'healthy');
    assert.ok(run.executions > 1);
    const checks = run.calls.filter((c) => c.name === 'verifyOrchestrationInput');
    assert.equal(checks.length, run.executions, 'one check per execution');
    for (const check of checks) {
      const { name, instanceId, input } = check.input as {
        name: string;
        instanceId: string;
        input: unknown;
      };
      assert.equal(isSealedInput(name, instanceId, input, testSealKey), true);
    }
  });

  it('rollbackRelease started sealed swaps back', async () => {
    const { run, world } = await runWithWorld(rollbackRelease, rollbackInput);
    assert.equal(run.output?.outcome, 'rolledBack');
    assert.equal(world.record.swaps, 1);
  });
});
