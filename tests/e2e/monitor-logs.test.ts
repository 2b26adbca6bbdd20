import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import {
  monitorResult,
  type PipelineWorld,
  startMonitorWorld,
  untilMonitor,
} from './monitor-world.js';
import { Given, Then, When } from './support/steps.js';

describe('monitoring: the Logs API failing', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld({ duration: '10m' });
  });
  after(async () => {
    world?.sandbox.clearFaults();
    await world?.stop();
  });

  it('turns persistent 500s into inconclusive samples, never a pass, and retries throttling (429) within a tick', async () => {
    const pushed = await Given(
      'a release being watched whose first queries are throttled',
      async () => {
        const pushed = await world.releaseToProduction('8.0.0', 'errors:50');
        await untilMonitor(world, pushed.releaseId, (s) => s.monitor?.nextTickAt !== undefined);
        world.sandbox.injectFault({ op: 'logsQuery', kind: '500' });
        return pushed;
      },
    );

    const paused = await When(
      'the Logs API keeps failing, then every judged sample is inconclusive, not a pass',
      async () => {
        const paused = await untilMonitor(
          world,
          pushed.releaseId,
          (s) =>
            (s.monitor?.samples ?? []).filter((x) => /request query failed/.test(x.reason ?? ''))
              .length >= 3,
        );
        const samples =
          (paused.customStatus as { monitor: ReleaseView['monitor'] }).monitor?.samples ?? [];
        assert.ok(
          samples.every((s) => s.verdict === 'inconclusive'),
          JSON.stringify(samples),
        );
        assert.equal(
          world.sandbox.siteState('pwbi-api-prod').digest,
          pushed.digest,
          'no decision on no data',
        );
        return paused;
      },
    );

    const nextTickAt = await When('throttling replaces the failure', () => {
      world.sandbox.clearFaults();
      world.sandbox.injectFault({ op: 'logsQuery', kind: '429', times: 2, retryAfterSeconds: 1 });
      return (paused.customStatus as { monitor: ReleaseView['monitor'] }).monitor?.nextTickAt;
    });

    await Then('the query is retried and the errors are seen', async () => {
      const result = await monitorResult(world, pushed.releaseId);
      assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
      assert.equal(result.trigger, 'breach');
      assert.match(result.reason, /errorRate/);
      // the very next tick judged the errors: its throttled query was retried, not skipped
      assert.equal(result.detectedAt, nextTickAt);
    });
  });
});
