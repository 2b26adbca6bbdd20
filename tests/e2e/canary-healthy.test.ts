import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import { canaryWorldPerFile, rulesNow, runCanaryRelease, sharesOverTime } from './canary-world.js';
import { And, Then, When } from './support/steps.js';

describe('canary: a healthy image goes 5 → 25 → 50 % of production traffic, then the swap', () => {
  const world = canaryWorldPerFile();

  it('routes each step, judges it on the slot, clears the rule, swaps and succeeds', async () => {
    const { previous, pushed, result, done } = await When(
      'a healthy image is released to production with a 5/25/50 % canary of 5 minutes a step',
      () => runCanaryRelease(world(), '4.0.0', 'healthy'),
    );

    await Then(
      'every step was routed in order, the rule was cleared, and production was swapped',
      () => {
        assert.equal(result.outcome, 'promoted', JSON.stringify(result));
        assert.deepEqual(
          sharesOverTime(world()).filter((p, i, all) => i === 0 || p !== all[i - 1]),
          [0, 5, 25, 50, 0],
        );
        assert.deepEqual(rulesNow(world()), []);
        assert.equal(done.status, 'Succeeded', JSON.stringify(done));
        assert.equal(world().sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.equal(world().sandbox.siteState('pwbi-api-prod', 'staging').digest, previous);
        assert.equal(world().swapCalls(), 1);
      },
    );

    await And(
      "the view shows each step with its percentage and passing samples of the slot's traffic",
      async () => {
        const view = (await world().api.get(pushed.releaseId)).body as ReleaseView;
        assert.equal(view.status, 'Succeeded');
        const steps = view.canary?.steps ?? [];
        assert.deepEqual(
          steps.map((s) => [s.percent, s.status]),
          [
            [5, 'passed'],
            [25, 'passed'],
            [50, 'passed'],
          ],
        );
        for (const step of steps) {
          assert.ok(step.samples.some((s) => s.verdict === 'pass' && s.requests > 0));
        }
        // the slot served about its share: more requests at 50 % than at 5 %
        const served = steps.map((s) => Math.max(...s.samples.map((x) => x.requests)));
        assert.ok((served[2] ?? 0) > (served[0] ?? 0) * 3, served.join(','));
        assert.equal(view.canary?.percent, 0);
        assert.ok(world().virtualElapsedMs() >= 15 * 60_000);
      },
    );
  });
});
