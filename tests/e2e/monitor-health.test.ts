import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { minuteMs, monitorResult, type PipelineWorld, startMonitorWorld } from './monitor-world.js';
import { Given, Then, When } from './support/steps.js';

describe('monitoring: production turning unhealthy at minute 20', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('rolls back at the first tick after it broke (health probe first, before the logs see it)', async () => {
    const pushed = await Given(
      'an image that turns unhealthy (health 503, every request 5xx) 20 minutes after it started',
      () => world.releaseToProduction('4.0.0', 'unhealthy-later:20m'),
    );

    const { result, done } = await When('monitoring runs', async () => ({
      result: await monitorResult(world, pushed.releaseId),
      done: await world.untilEnded(pushed.releaseId),
    }));

    await Then(
      'it rolled back on the failing probe, within one interval of the breakage',
      async () => {
        assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
        assert.equal(result.trigger, 'health');
        const swappedAt = Date.parse(done.swappedAt ?? '');
        const after = Date.parse(result.detectedAt) - swappedAt;
        // the app started in the slot before warm-up and swap, so it breaks a little before swap+20m
        assert.ok(
          after > 10 * minuteMs && after <= 20 * minuteMs + minuteMs,
          `${after} ms after the swap`,
        );
        assert.equal(done.status, 'RolledBack');
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
        // the samples before it passed
        const view = (await world.api.get(pushed.releaseId)).body as {
          monitor?: { samples: { verdict: string; health: string }[] };
        };
        const samples = view.monitor?.samples ?? [];
        assert.equal(samples.at(-1)?.health, 'fail');
        assert.ok(samples.slice(0, -1).every((s) => s.health === 'pass'));
        assert.ok(samples.some((s) => s.verdict === 'pass'));
      },
    );
  });
});
