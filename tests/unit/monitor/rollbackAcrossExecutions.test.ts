import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createActivities } from '../../../src/activities/createActivities.js';
import type { MonitorResult } from '../../../src/domain/monitor/contract.js';
import type { RollbackRequest } from '../../../src/domain/release/contract.js';
import { monitorRelease, ticksPerExecution } from '../../../src/orchestrators/monitor/index.js';
import type { ActivityHandler } from '../support/durable/DurableScript.js';
import { fakeIso } from '../support/durable/fakeTime.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { fakeWorld, monitorInput, plan } from './support/fakeWorld.js';
import { monitorInstance } from './support/runMonitor.js';

const min = 60_000;

const request: RollbackRequest = {
  source: 'manual',
  by: 'eng@contoso.com',
  reason: 'customers report errors',
  at: fakeIso(10 * min),
};
const other: RollbackRequest = { ...request, by: 'ops@contoso.com', reason: 'second request' };

/**
 * Runs the monitor with rollback events raised from inside its `sampleAt`-th sample (so they
 * land while the orchestrator is busy, not while it waits): by default one request.
 */
async function rollbackDuringSample(sampleAt: number, events: unknown[] = [request]) {
  const world = fakeWorld();
  const real = createActivities(world.deps) as unknown as Record<string, ActivityHandler>;
  const sample: ActivityHandler = (input, call, raise) => {
    if (call === sampleAt) for (const data of events) raise('rollback', data);
    return real['monitorSampleProduction']?.(input, call, raise);
  };
  const activities: Record<string, ActivityHandler> = {
    ...real,
    monitorSampleProduction: sample,
    recordAudit: (i: Parameters<typeof world.deps.audit.append>[0]) =>
      world.deps.audit.append(i).then(() => null),
  };
  const run = await runOrchestration(
    monitorRelease,
    monitorInput({ plan: plan({ durationMs: 30 * min }) }),
    { activities, onTime: world.setElapsed },
    monitorInstance,
  );
  return { out: run.output as MonitorResult, executions: run.executions, world };
}

describe('monitorRelease: a rollback raised while it works', () => {
  for (const sampleAt of [ticksPerExecution - 1, ticksPerExecution, ticksPerExecution + 1]) {
    it(`is never lost, also around continue-as-new (raised in sample ${sampleAt})`, async () => {
      const { out, world } = await rollbackDuringSample(sampleAt);
      assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
      assert.equal(out.evidence['requestedBy'], 'eng@contoso.com');
      assert.equal(world.record.swaps, 1);
    });
  }

  it('reads the first of two requests that arrived at once, and rolls back once', async () => {
    const { out, world } = await rollbackDuringSample(ticksPerExecution, [request, other]);
    assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
    assert.equal(out.evidence['requestedBy'], 'eng@contoso.com');
    assert.equal(world.record.swaps, 1);
  });
});
