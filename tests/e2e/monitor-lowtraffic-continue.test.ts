import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import {
  monitorResult,
  type PipelineWorld,
  productionTraffic,
  startMonitorWorld,
} from './monitor-world.js';
import { Given, Then, When } from './support/steps.js';

describe('monitoring: too little traffic, policy continue', () => {
  let world: PipelineWorld;
  before(async () => {
    // 0.05 requests/s: 15 requests in a 5-minute lookback, under minRequests 50
    world = await startMonitorWorld(
      { duration: '15m', inconclusive: 'continue' },
      { scenario: productionTraffic(0.05) },
    );
  });
  after(async () => {
    await world?.stop();
  });

  it('judges every sample inconclusive, never pass nor breach, and keeps the release', async () => {
    const pushed = await Given(
      'an image that fails half its requests, on a production with hardly any traffic',
      () => world.releaseToProduction('5.0.0', 'errors:50'),
    );

    const result = await When('the window runs out', () => monitorResult(world, pushed.releaseId));

    await Then(
      'nothing was decided on the few requests: no rollback, every sample inconclusive',
      async () => {
        assert.equal(result.outcome, 'healthy', JSON.stringify(result));
        const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
        const samples = view.monitor?.samples ?? [];
        assert.ok(samples.length >= 10);
        assert.ok(
          samples.every((s) => s.verdict === 'inconclusive'),
          JSON.stringify(samples),
        );
        assert.ok(samples.some((s) => /requests < minRequests 50/.test(s.reason ?? '')));
        assert.equal(view.monitor?.verdict, 'inconclusive');
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.equal(world.swapCalls(), 1);
      },
    );
  });
});
