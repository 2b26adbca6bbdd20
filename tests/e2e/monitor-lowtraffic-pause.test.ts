import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  monitorResult,
  type PipelineWorld,
  productionTraffic,
  startMonitorWorld,
  untilMonitor,
  users,
} from './monitor-world.js';

describe('monitoring: too little traffic, policy pause', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld(
      { duration: '15m', inconclusive: 'pause' },
      { scenario: productionTraffic(0.05) },
    );
  });
  after(async () => {
    await world?.stop();
  });

  it('holds for a decision however long, and resumes when an approver says so', async () => {
    // Given a release whose monitor paused on an inconclusive sample
    const previous = world.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await world.releaseToProduction('5.2.0', 'healthy');
    const paused = await untilMonitor(
      world,
      pushed.releaseId,
      (s) => s.waitingForDecision !== undefined,
    );
    assert.equal(paused.runtimeStatus, 'Running');
    const since = (paused.customStatus as { waitingForDecision: { since: string } })
      .waitingForDecision.since;

    // Then it waits however long it takes: an hour later it is still paused, nothing swapped
    await world.host.advance(3_600_000);
    await world.host.settle();
    const still = await world.host.getStatus(`${pushed.releaseId}-monitor`);
    assert.equal(
      (still?.customStatus as { waitingForDecision?: { since: string } }).waitingForDecision?.since,
      since,
    );
    assert.equal(world.swapCalls(), 1);

    // When someone without a role resumes it: 403; when the production approver does: 202
    const stranger = await world.api.call(
      'POST',
      `/api/releases/${pushed.releaseId}/resume`,
      { reason: 'x' },
      users.stranger,
    );
    assert.equal(stranger.status, 403);
    const resumed = await world.api.call(
      'POST',
      `/api/releases/${pushed.releaseId}/resume`,
      { reason: 'quiet night' },
      users.engLead,
    );
    assert.equal(resumed.status, 202, JSON.stringify(resumed.body));
    await world.host.settle();

    // Then the monitor goes on; the window passed during the pause, so it ends healthy
    const result = await monitorResult(world, pushed.releaseId);
    assert.equal(result.outcome, 'healthy', JSON.stringify(result));
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
    assert.notEqual(previous, pushed.digest);

    // And resuming a monitor that is not paused is a conflict
    const again = await world.api.call(
      'POST',
      `/api/releases/${pushed.releaseId}/resume`,
      { reason: 'x' },
      users.engLead,
    );
    assert.equal(again.status, 409);
  });

  it('rolls back when the decision through the API is a rollback', async () => {
    const previous = world.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await world.releaseToProduction('5.3.0', 'healthy');
    await untilMonitor(world, pushed.releaseId, (s) => s.waitingForDecision !== undefined);
    const answer = await world.api.call(
      'POST',
      `/api/releases/${pushed.releaseId}/rollback`,
      { reason: 'cannot judge, play safe' },
      users.engLead,
    );
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    const result = await monitorResult(world, pushed.releaseId);
    assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
    assert.equal(result.trigger, 'manual');
    assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previous);
  });
});
