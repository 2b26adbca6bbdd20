import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

const hourMs = 3_600_000;

describe('pipeline: one production phase per site at a time (with monitoring)', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start({ config: { monitor: true } });
  });
  after(async () => {
    await world?.stop();
  });

  it('a second release waits for the production lock until the first one’s monitoring ends', async (t) => {
    const a = await Given('release A is swapped in and being monitored', async () => {
      const a = await world.releaseToProduction('7.0.0');
      await world.host.waitFor(`${a.releaseId}-monitor`, (s) => s.runtimeStatus === 'Running', {
        realTimeoutMs: 60_000,
      });
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, a.digest);
      return a;
    });

    const b = await When('release B is pushed and approved for production meanwhile', () =>
      world.releaseToProduction('7.0.1'),
    );

    await Then(
      'B waits for the lock held by A (in its release view too), and A was not superseded',
      async () => {
        const viewWait = await world.until(b.releaseId, (st) => st.waitingForLock !== undefined);
        assert.deepEqual(viewWait.waitingForLock, { site: 'pwbi-api-prod', heldBy: a.releaseId });
        const view = await world.api.get(b.releaseId);
        assert.deepEqual((view.body as { waitingForLock?: unknown }).waitingForLock, {
          site: 'pwbi-api-prod',
          heldBy: a.releaseId,
        });
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, a.digest);
        assert.equal(world.swapCalls(), 1);
      },
    );

    await And("once A's hour of monitoring ends, B runs its production phase", async () => {
      const aDone = await world.untilEnded(a.releaseId, { maxVirtualMs: 3 * hourMs });
      assert.equal(aDone.status, 'Succeeded', JSON.stringify(aDone));
      const bDone = await world.untilEnded(b.releaseId, { maxVirtualMs: 3 * hourMs });
      assert.equal(bDone.status, 'Succeeded', JSON.stringify(bDone));
      assert.equal(bDone.previousDigest, a.digest);
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, b.digest);
      assert.equal(world.swapCalls(), 2);
      assert.ok(world.virtualElapsedMs() >= 2 * hourMs, 'two monitoring windows of an hour each');
    });
    t.diagnostic(`real ${world.realElapsedMs()} ms for ${world.virtualElapsedMs()} virtual ms`);
  });
});
