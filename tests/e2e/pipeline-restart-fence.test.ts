import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ConfigDoc } from './support/pipelineConfig.js';
import { PipelineWorld } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

/** Only the production stage, without approval: the image goes straight to the inactive slot. */
function productionOnly(doc: ConfigDoc): void {
  for (const pipeline of doc.pipelines) {
    const production = pipeline.stages.find((s) => s.name === 'production');
    assert.ok(production !== undefined);
    production['target'] = {
      subscription: '%AZ_SUB%',
      ...(production['target'] as Record<string, unknown>),
    };
    delete production['approval'];
    pipeline.stages = [production];
  }
}

describe('pipeline: the restart fence keeps the old container from warming up a new image', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start({ config: { edit: productionOnly } });
  });
  after(async () => {
    await world?.stop();
  });

  it('an image that crashes on start fails warm-up on the slot and is never swapped in', async () => {
    const { production, writesBefore } = await Given(
      'production and its staging slot both serving a healthy image',
      () => {
        const production = world.sandbox.siteState('pwbi-api-prod');
        assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').state, 'Running');
        return { production, writesBefore: world.sandbox.armRequests().length };
      },
    );

    const { pushed, done } = await When('an image that crashes on start is released', async () => {
      const pushed = await world.push('5.0.0', 'crash');
      return { pushed, done: await world.untilEnded(pushed.releaseId) };
    });

    await Then('the slot was stopped, configured and started, in that order', () => {
      const slotWrites = world.sandbox
        .armRequests()
        .slice(writesBefore)
        .filter((r) => r.method !== 'GET' && /\/slots\/staging\//i.test(r.path))
        .map((r) => `${r.method} ${r.path.replace(/^.*\/slots\/staging/i, '')}`);
      assert.deepEqual(slotWrites, ['POST /stop', 'PATCH /config/web', 'POST /start']);
    });

    await And(
      "warm-up never counted the old container's answers: the release failed, no swap",
      () => {
        assert.equal(done.status, 'Failed', JSON.stringify(done));
        assert.match(done.step, /did not warm up/);
        assert.equal(world.swapCalls(), 0);
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, production.digest);
        assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').digest, pushed.digest);
        assert.ok(
          world.virtualElapsedMs() >= 5 * 60_000 - 10_000,
          'waited out the warm-up timeout',
        );
      },
    );
  });
});
