import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import { canaryWorldPerFile, rulesNow, runCanaryRelease, sharesOverTime } from './canary-world.js';
import { And, Then, When } from './support/steps.js';

describe('canary: an erroring image is aborted at the first step, production untouched', () => {
  const world = canaryWorldPerFile();

  it('sets the share to 0 % on the slot-only breach and ends RolledBack without a swap', async () => {
    const { previous, pushed, result, done } = await When(
      'an image that answers 20 % of requests with 5xx runs under a 5/25/50 % canary',
      () => runCanaryRelease(world(), '5.0.0', 'errors:20'),
    );

    const aborted = await Then("it aborted on the slot's error rate during the 5 % step", () => {
      assert.ok(result.outcome === 'aborted', JSON.stringify(result));
      assert.equal(result.trigger, 'breach');
      assert.match(result.reason, /step 1 \(5%\).*errorRate 0\.\d+ > 0\.01/);
      assert.ok(Date.parse(result.decidedAt) >= Date.parse(result.detectedAt));
      assert.ok(Date.parse(result.shareZeroAt) >= Date.parse(result.decidedAt));
      return result;
    });

    await And(
      'production never sent the slot more than 5 %, has no rule left, was never swapped',
      () => {
        const shares = sharesOverTime(world());
        assert.equal(Math.max(...shares), 5, shares.join(','));
        assert.equal(shares.at(-1), 0);
        assert.deepEqual(rulesNow(world()), []);
        assert.equal(world().swapCalls(), 0);
        assert.equal(world().sandbox.siteState('pwbi-api-prod').digest, previous);
      },
    );

    await And(
      "the errors showed on the slot's metrics only: production's own samples stayed clean",
      () => {
        const evidence = aborted.evidence as { productionErrorRate?: number; errorRate?: number };
        assert.ok((evidence.errorRate ?? 0) > 0.05, JSON.stringify(evidence));
        assert.equal(evidence.productionErrorRate, 0, JSON.stringify(evidence));
      },
    );

    await And(
      'the release ended RolledBack with the evidence and the three times in the view',
      async () => {
        assert.equal(done.status, 'RolledBack', JSON.stringify(done));
        const view = (await world().api.get(pushed.releaseId)).body as ReleaseView;
        assert.equal(view.status, 'RolledBack');
        assert.equal(view.canary?.state, 'aborted');
        assert.equal(view.canary?.percent, 0);
        assert.equal(view.canary?.steps[0]?.status, 'failed');
        assert.equal(view.canary?.steps[1]?.status, 'pending');
        assert.equal(view.rollback?.detectedAt, aborted.detectedAt);
        assert.equal(view.rollback?.decidedAt, aborted.decidedAt);
        assert.equal(view.rollback?.swapBackCompletedAt, aborted.shareZeroAt);
        assert.match(JSON.stringify(view.rollback?.evidence), /"strategy":"canary"/);
        const critical = world()
          .sandbox.slackMessages('critical')
          .map((m) => JSON.stringify(m));
        assert.ok(
          critical.some((t) => /canary aborted/.test(t)),
          critical.join('\n'),
        );
      },
    );
  });
});
