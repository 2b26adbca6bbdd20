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

describe('monitoring: metric breaches roll production back by themselves', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('rolls back on error rate at the first tick whose window holds the errors', async () => {
    // Given an image that answers 20 % of requests with 5xx, released to production
    const previous = world.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await world.releaseToProduction('3.0.0', 'errors:20');

    // When monitoring runs
    const result = await monitorResult(world, pushed.releaseId);
    const done = await world.untilEnded(pushed.releaseId);

    // Then it rolled back on the error rate as soon as post-swap data was queryable
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

    // And production serves the previous digest again; the release says RolledBack
    assert.equal(done.status, 'RolledBack', JSON.stringify(done));
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previous);
    assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').digest, pushed.digest);
    assert.match((await world.productionServes()) ?? '', new RegExp(previous ?? 'none'));
    assert.equal(world.swapCalls(), 2, 'one swap in, one swap back');

    // And the view shows the samples, the verdict and the three rollback times; Slack was told
    const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
    assert.equal(view.status, 'RolledBack');
    assert.equal(view.monitor?.verdict, 'breach');
    assert.equal(view.monitor?.samples.at(-1)?.verdict, 'breach');
    assert.ok((view.monitor?.samples.at(-1)?.errorRate ?? 0) > 0.01);
    assert.equal(view.rollback?.detectedAt, result.detectedAt);
    assert.equal(view.rollback?.decidedAt, result.decidedAt);
    assert.equal(view.rollback?.swapBackCompletedAt, result.swapBackCompletedAt);
    const critical = rollbackMessages(world);
    assert.ok(
      critical.some((t) => /errorRate/.test(t)),
      critical.join('\n'),
    );
    assert.ok(world.sandbox.slackMessages('critical').length >= 1);
  });

  it('rolls back on p95 latency', async () => {
    // Given a slow image (p95 ≈ 3 s > 2 s) released to production
    const previous = world.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await world.releaseToProduction('3.1.0', 'slow:3000');

    // When monitoring runs, then it rolls back on p95
    const result = await monitorResult(world, pushed.releaseId);
    assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
    assert.match(result.reason, /p95 \d+ms > 2000ms/);
    assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previous);
  });
});
