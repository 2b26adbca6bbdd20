import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld } from './support/PipelineWorld.js';
import { Given, Then, When } from './support/steps.js';

const hourMs = 3_600_000;

describe('pipeline: production monitoring rolls a bad release back', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start({ config: { monitor: true } });
  });
  after(async () => {
    await world?.stop();
  });

  it('an image that fails 30 % of requests after the swap ends RolledBack with the old digest live', async (t) => {
    const before = await Given(
      "production runs the scenario's initial image",
      () => world.sandbox.siteState('pwbi-api-prod').digest,
    );

    const pushed = await When(
      'an image that errors is pushed and approved through to production',
      () => world.releaseToProduction('8.0.0', 'errors:30'),
    );

    await Then(
      'it is swapped in, monitoring breaches, and production is swapped back',
      async () => {
        const done = await world.untilEnded(pushed.releaseId, { maxVirtualMs: 2 * hourMs });
        assert.equal(done.status, 'RolledBack', JSON.stringify(done));
        assert.equal(done.stages[2]?.status, 'RolledBack');
        assert.match(done.step, /rolled back/);
        assert.equal(done.previousDigest, before);
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, before);
        assert.equal(world.swapCalls(), 2, 'the swap and the swap back');
        assert.ok(world.sandbox.slackMessages('critical').length >= 1, 'a critical alert went out');
      },
    );
    t.diagnostic(`real ${world.realElapsedMs()} ms for ${world.virtualElapsedMs()} virtual ms`);
  });
});
