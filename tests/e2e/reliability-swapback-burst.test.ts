import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type PipelineWorld, startMonitorWorld, untilMonitor, users } from './monitor-world.js';
import { And, Given, Then, When } from './support/steps.js';

describe('reliability: ARM throttling bursts on a deploy and on a swap back', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('a deploy rides out a 429/503 burst that outlasts five attempts', async () => {
    await Given(
      'ARM throttles the next 8 config updates and then is unavailable for 4 more',
      () => {
        world.sandbox.injectFault({
          op: 'updateConfiguration',
          kind: '429',
          times: 8,
          retryAfterSeconds: 1,
        });
        world.sandbox.injectFault({
          op: 'updateConfiguration',
          kind: '503',
          times: 4,
          retryAfterSeconds: 1,
        });
      },
    );

    const pushed = await When('an image is pushed', () => world.push('12.0.0'));

    await Then('dev gets it after the burst and the release waits for staging', async () => {
      const waiting = await world.untilWaitingFor(pushed.releaseId, 'staging');
      assert.equal(waiting.stages[0]?.status, 'Succeeded', JSON.stringify(waiting.stages[0]));
      assert.equal(world.sandbox.siteState('pwbi-api-dev').digest, pushed.digest);
      const refused = world.sandbox
        .armRequests()
        .filter((r) => r.operation === 'updateConfiguration' && r.fault !== undefined);
      assert.equal(refused.length, 12, 'every fault of the burst was met and retried');
    });
    await world.api.reject(pushed.releaseId, 'staging', users.qaLead, 'done with this one');
    assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Rejected');
  });

  it('a swap back held up by a 429 burst keeps retrying, pages, and still ends RolledBack', async () => {
    const pushed = await Given(
      'an image answering 20 % 5xx, released to production and monitored',
      async () => {
        const pushed = await world.releaseToProduction('12.1.0', 'errors:20');
        await untilMonitor(world, pushed.releaseId, (s) => s.monitor !== undefined);
        return pushed;
      },
    );

    await When(
      'ARM throttles every read of production 30 times in a row (far past 4 attempts)',
      () => world.sandbox.injectFault({ op: 'get', kind: '429', times: 30, retryAfterSeconds: 1 }),
    );

    await Then(
      'the release still ends RolledBack, production back on the previous digest',
      async () => {
        const done = await world.untilEnded(pushed.releaseId);
        assert.equal(done.status, 'RolledBack', JSON.stringify(done));
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
        assert.equal(world.swapCalls(), 2, 'one swap in, one swap back, never a third');
        const throttled = world.sandbox
          .armRequests()
          .filter((r) => r.operation === 'get' && r.fault === '429').length;
        assert.equal(throttled, 30);
      },
    );

    await And(
      'the critical channel was paged while it retried, at a pace, not once per attempt',
      () => {
        const pages = world.sandbox
          .slackMessages('critical')
          .map((m) => JSON.stringify(m))
          .filter((t) => /ROLLBACK HELD UP/.test(t));
        assert.ok(pages.length >= 1 && pages.length <= 3, `${pages.length} pages`);
        assert.match(
          pages[0] ?? '',
          /az webapp deployment slot swap .*--slot staging --target-slot production/,
        );
      },
    );
  });
});
