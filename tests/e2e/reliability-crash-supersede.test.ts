import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { releaseIdFor } from '../../src/domain/release/index.js';
import { RestartWorld } from './support/RestartWorld.js';
import { And, Given, Then, When } from './support/steps.js';

describe('reliability: the host dies between starting a newer release and superseding', () => {
  let world: RestartWorld;
  before(async () => {
    world = await RestartWorld.begin();
  });
  after(async () => {
    await world?.stop();
  });

  /** Delivers `event` to the host's Event Grid webhook as Event Grid redelivers it. */
  const redeliver = async (event: object, count: number): Promise<number> => {
    try {
      const res = await fetch(
        `${world.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'aeg-event-type': 'Notification',
            'aeg-delivery-count': String(count),
          },
          body: JSON.stringify([event]),
        },
      );
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  };

  it('still supersedes the older release after the restart, and redeliveries change nothing', async () => {
    const older = await Given('a release waiting for staging approval', async () => {
      const older = await world.push('7.0.0');
      await world.until(older.releaseId, (s) => s.status === 'WaitingForApproval');
      return older;
    });

    const { pushed, newerId } = await When(
      'a newer image is pushed and the host dies the moment its start is durable',
      async () => {
        await world.armKillHook(/release \S+ started for \S+:7\.0\.1@/);
        const pushed = await world.sandbox.push('pwbi-api:7.0.1', { profile: 'healthy' });
        const newerId = releaseIdFor('pwbi-api', pushed.digest);
        assert.deepEqual(pushed.deliveries, [{ status: 0 }], 'the delivery got no answer');
        const killedLines = world.host.lines;
        await world.restartAfterHook();
        assert.ok(
          !killedLines.some((l) => /activity supersedeOlderReleases/.test(l)),
          'killed before the new release superseded anything',
        );
        return { pushed, newerId };
      },
    );

    await And('Event Grid delivers the event again, twice at once, then late', async () => {
      const statuses = await Promise.all([redeliver(pushed.event, 1), redeliver(pushed.event, 2)]);
      assert.ok(
        statuses.every((s) => s >= 200 && s < 300),
        `redeliveries answered ${statuses.join(', ')}`,
      );
    });

    await Then(
      'the older release ends Superseded by the newer one, which waits for staging',
      async () => {
        const superseded = await world.until(older.releaseId, (_s, rt) => rt === 'Completed');
        assert.equal(superseded.status, 'Superseded', JSON.stringify(superseded));
        assert.match(superseded.step, new RegExp(`superseded by ${newerId}`));
        const newer = await world.until(newerId, (s) => s.status === 'WaitingForApproval');
        assert.equal(newer.waitingFor?.stage, 'staging');
      },
    );

    await And(
      'a stale redelivery of the older push supersedes nothing and starts nothing',
      async () => {
        const stale = await redeliver(older.event, 3);
        assert.ok(stale >= 200 && stale < 300, `stale redelivery answered ${stale}`);
        const still = await world.status(newerId);
        assert.equal(still?.customStatus?.status, 'WaitingForApproval');
        assert.equal(world.swapCalls(), 0, 'nothing reached production');
      },
    );
  });
});
