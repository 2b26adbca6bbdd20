import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  minuteMs,
  monitorResult,
  type PipelineWorld,
  productionTraffic,
  startMonitorWorld,
} from './monitor-world.js';

describe('monitoring: too little traffic, policy rollback', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld(
      { duration: '15m', inconclusive: 'rollback' },
      { scenario: productionTraffic(0.05) },
    );
  });
  after(async () => {
    await world?.stop();
  });

  it('rolls back at the first inconclusive sample once post-swap data is due', async () => {
    const pushed = await world.releaseToProduction('5.1.0', 'healthy');
    const result = await monitorResult(world, pushed.releaseId);
    const done = await world.untilEnded(pushed.releaseId);
    assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
    assert.equal(result.trigger, 'inconclusive');
    assert.match(result.reason, /requests < minRequests 50/);
    const after = Date.parse(result.detectedAt) - Date.parse(done.swappedAt ?? '');
    assert.ok(after > 2 * minuteMs && after <= 4 * minuteMs, `${after} ms`);
    assert.equal(done.status, 'RolledBack');
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
  });
});
