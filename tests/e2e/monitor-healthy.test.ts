import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import {
  minuteMs,
  monitorResult,
  type PipelineWorld,
  startMonitorWorld,
  untilMonitor,
} from './monitor-world.js';
import { And, Given, Then, When } from './support/steps.js';

describe('monitoring: a healthy release', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('is watched for the whole hour and succeeds, shown in the release view', async (t) => {
    const { pushed, before } = await Given('a healthy image released to production', async () => {
      const pushed = await world.releaseToProduction('2.0.0', 'healthy');
      return { pushed, before: world.sandbox.siteState('pwbi-api-prod').digest };
    });

    await When("monitoring starts, the view shows the window's end and the next tick", async () => {
      const watching = await untilMonitor(
        world,
        pushed.releaseId,
        (s) => s.monitor?.nextTickAt !== undefined,
      );
      assert.equal(watching.runtimeStatus, 'Running');
      const view = (await world.api.get(pushed.releaseId)).body as ReleaseView;
      assert.ok(
        view.monitor?.endsAt !== undefined && view.monitor.nextTickAt !== undefined,
        JSON.stringify(view.monitor),
      );
      assert.equal(
        Date.parse(view.monitor.endsAt) - Date.parse(view.monitor.startedAt),
        60 * minuteMs,
      );
    });

    await Then('it runs the whole window (virtual time) and the release succeeds', async () => {
      const virtual0 = world.clock.now();
      const real0 = Date.now();
      const result = await monitorResult(world, pushed.releaseId);
      const done = await world.untilEnded(pushed.releaseId);
      const realMs = Date.now() - real0;
      assert.equal(result.outcome, 'healthy');
      assert.ok(result.outcome === 'healthy' && result.samples >= 59, JSON.stringify(result));
      assert.equal(done.status, 'Succeeded', JSON.stringify(done));
      assert.ok(
        world.clock.now() - virtual0 >= 59 * minuteMs,
        `virtual ${world.clock.now() - virtual0}`,
      );
      // Real time is a figure (bench/monitor.ts is the speed target), never an assertion.
      t.diagnostic(`real ${realMs} ms for the monitoring hour`);
    });

    await And('production still runs the release, swapped once; samples passed', async () => {
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
      assert.notEqual(before, undefined);
      assert.equal(world.swapCalls(), 1);
      const final = (await world.api.get(pushed.releaseId)).body as ReleaseView;
      assert.equal(final.status, 'Succeeded');
      assert.ok((final.monitor?.samples.length ?? 0) > 0);
      assert.ok(
        final.monitor?.samples.some((s) => s.verdict === 'pass'),
        JSON.stringify(final.monitor),
      );
      assert.equal(final.monitor?.verdict, 'pass');
    });
  });
});
