import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import {
  minuteMs,
  monitorResult,
  type PipelineWorld,
  rollbackMessages,
  startMonitorWorld,
} from './monitor-world.js';
import { And, Given, Then, When } from './support/steps.js';

describe('monitoring: metric breaches roll production back by themselves', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('rolls back on error rate at the first tick whose window holds the errors', async () => {
    const pushed = await Given(
      'an image that answers 20 % of requests with 5xx, released to production',
      () => world.releaseToProduction('3.0.0', 'errors:20'),
    );

    const { result, done } = await When('monitoring runs', async () => ({
      result: await monitorResult(world, pushed.releaseId),
      done: await world.untilEnded(pushed.releaseId),
    }));

    const rolledBack = await Then(
      'it rolled back on the error rate as soon as post-swap data was queryable',
      () => {
        assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
        assert.equal(result.trigger, 'breach');
        assert.match(result.reason, /errorRate 0\.\d+ > 0\.01/);
        const swappedAt = Date.parse(done.swappedAt ?? '');
        const detectedAfterMs = Date.parse(result.detectedAt) - swappedAt;
        // 2 min ingestion delay + at most one 1-min interval
        assert.ok(
          detectedAfterMs > 2 * minuteMs && detectedAfterMs <= 4 * minuteMs,
          `${detectedAfterMs} ms`,
        );
        assert.ok(Date.parse(result.swapBackCompletedAt) >= Date.parse(result.decidedAt));
        return result;
      },
    );

    await And(
      'production serves the previous digest again; the release says RolledBack',
      async () => {
        assert.equal(done.status, 'RolledBack', JSON.stringify(done));
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
        assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').digest, pushed.digest);
        assert.match(
          (await world.productionServes()) ?? '',
          new RegExp(pushed.previousDigest ?? 'none'),
        );
        assert.equal(world.swapCalls(), 2, 'one swap in, one swap back');
      },
    );

    await And(
      'the view shows the samples, the verdict and the three rollback times; Slack was told',
      async () => {
        const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
        assert.equal(view.status, 'RolledBack');
        assert.equal(view.monitor?.verdict, 'breach');
        assert.equal(view.monitor?.samples.at(-1)?.verdict, 'breach');
        assert.ok((view.monitor?.samples.at(-1)?.errorRate ?? 0) > 0.01);
        assert.equal(view.rollback?.detectedAt, rolledBack.detectedAt);
        assert.equal(view.rollback?.decidedAt, rolledBack.decidedAt);
        assert.equal(view.rollback?.swapBackCompletedAt, rolledBack.swapBackCompletedAt);
        const critical = rollbackMessages(world);
        assert.ok(
          critical.some((t) => /errorRate/.test(t)),
          critical.join('\n'),
        );
        assert.ok(world.sandbox.slackMessages('critical').length >= 1);
      },
    );
  });

  it('rolls back on p95 latency', async () => {
    const pushed = await Given('a slow image (p95 ≈ 3 s > 2 s) released to production', () =>
      world.releaseToProduction('3.1.0', 'slow:3000'),
    );

    const result = await When('monitoring runs', () => monitorResult(world, pushed.releaseId));

    await Then('it rolls back on p95', async () => {
      assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
      assert.match(result.reason, /p95 \d+ms > 2000ms/);
      assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
    });
  });
});
