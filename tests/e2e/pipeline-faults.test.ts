import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld, users } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

describe('pipeline: Azure faults on the way', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('ARM throttling a deploy is retried and the release goes on', async () => {
    await Given('ARM answers the next two config updates with 429', () =>
      world.sandbox.injectFault({
        op: 'updateConfiguration',
        kind: '429',
        times: 2,
        retryAfterSeconds: 1,
      }),
    );

    const pushed = await When('an image is pushed', () => world.push('9.0.0'));

    await Then('dev still gets it and the release waits for staging', async () => {
      const waiting = await world.untilWaitingFor(pushed.releaseId, 'staging');
      assert.equal(waiting.stages[0]?.status, 'Succeeded');
      assert.equal(world.sandbox.siteState('pwbi-api-dev').digest, pushed.digest);
      const throttled = world.sandbox.armRequests().filter((r) => r.status === 429);
      assert.ok(throttled.length >= 2, `saw ${throttled.length} throttled requests`);
    });
    await world.api.reject(pushed.releaseId, 'staging', users.qaLead, 'done with this one');
    assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Rejected');
  });

  it('a swap that fails leaves production as it was, fails the release, and frees the site', async () => {
    const before = await Given('the next swap fails', () => {
      world.sandbox.injectFault({ op: 'swap', kind: 'fail-lro', times: 1 });
      return world.sandbox.siteState('pwbi-api-prod').digest;
    });

    const pushed = await When('an image is pushed and approved through to production', () =>
      world.releaseToProduction('9.0.1'),
    );

    await Then('production stays as it was and the release failed', async () => {
      const done = await world.untilEnded(pushed.releaseId);
      assert.equal(done.status, 'Failed');
      assert.match(done.step, /swap failed/);
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, before);
    });

    await And('the next release is not blocked by a lock the failed one kept', async () => {
      const next = await world.releaseToProduction('9.0.2');
      const ok = await world.untilEnded(next.releaseId);
      assert.equal(ok.status, 'Succeeded', JSON.stringify(ok));
      assert.equal(ok.waitingForLock, undefined);
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, next.digest);
    });
  });
});
