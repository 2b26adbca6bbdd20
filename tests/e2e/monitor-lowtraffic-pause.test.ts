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
import { And, Given, Then, When } from './support/steps.js';

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
    const { pushed, since } = await Given(
      'a release whose monitor paused on an inconclusive sample',
      async () => {
        const pushed = await world.releaseToProduction('5.2.0', 'healthy');
        const paused = await untilMonitor(
          world,
          pushed.releaseId,
          (s) => s.waitingForDecision !== undefined,
        );
        assert.equal(paused.runtimeStatus, 'Running');
        const since = (paused.customStatus as { waitingForDecision: { since: string } })
          .waitingForDecision.since;
        return { pushed, since };
      },
    );

    await Then(
      'it waits however long it takes: an hour later it is still paused, nothing swapped',
      async () => {
        await world.host.advance(3_600_000);
        await world.host.settle();
        const still = await world.host.getStatus(`${pushed.releaseId}-monitor`);
        assert.equal(
          (still?.customStatus as { waitingForDecision?: { since: string } }).waitingForDecision
            ?.since,
          since,
        );
        assert.equal(world.swapCalls(), 1);
      },
    );

    await When(
      'someone without a role resumes it: 403; when the production approver does: 202',
      async () => {
        const stranger = await world.api.resume(pushed.releaseId, users.stranger, 'x');
        assert.equal(stranger.status, 403);
        const resumed = await world.api.resume(pushed.releaseId, users.engLead, 'quiet night');
        assert.equal(resumed.status, 202, JSON.stringify(resumed.body));
        await world.host.settle();
      },
    );

    await Then(
      'the monitor goes on; the window passed during the pause, so it ends healthy',
      async () => {
        const result = await monitorResult(world, pushed.releaseId);
        assert.equal(result.outcome, 'healthy', JSON.stringify(result));
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.notEqual(pushed.previousDigest, pushed.digest);
      },
    );

    await And('resuming a monitor that is not paused is a conflict', async () => {
      const again = await world.api.resume(pushed.releaseId, users.engLead, 'x');
      assert.equal(again.status, 409);
    });
  });

  it('rolls back when the decision through the API is a rollback', async () => {
    const pushed = await Given(
      'a release whose monitor paused on an inconclusive sample',
      async () => {
        const pushed = await world.releaseToProduction('5.3.0', 'healthy');
        await untilMonitor(world, pushed.releaseId, (s) => s.waitingForDecision !== undefined);
        return pushed;
      },
    );

    await When('the production approver decides to roll back', async () => {
      const answer = await world.api.rollback(
        pushed.releaseId,
        users.engLead,
        'cannot judge, play safe',
      );
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    });

    await Then('the monitor rolls back and production serves the previous digest', async () => {
      const result = await monitorResult(world, pushed.releaseId);
      assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
      assert.equal(result.trigger, 'manual');
      assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
    });
  });
});
