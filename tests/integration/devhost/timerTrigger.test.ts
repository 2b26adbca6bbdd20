import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

interface TimerRun {
  isPastDue: boolean;
  scheduleStatus: { last: string; next: string; lastUpdated: string };
  schedule: { adjustForDST: boolean };
}

describe('timer triggers on the shared clock', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 0, 0, 30));
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, clock });
  });
  after(async () => {
    await host.stop();
  });
  const runs = async (): Promise<TimerRun[]> =>
    (await (await fetch(`${host.url}/api/timerRuns`)).json()) as TimerRun[];

  it('fires on its NCRONTAB schedule as virtual time advances, with the host payload camel-cased', async () => {
    await host.advance(11 * 60_000);
    const seen = await runs();
    assert.equal(seen.length, 2);
    assert.deepEqual(seen[0], {
      schedule: { adjustForDST: true },
      scheduleStatus: {
        last: new Date(0).toISOString(),
        next: '2026-01-01T00:10:00.000Z',
        lastUpdated: '2026-01-01T00:05:00.000Z',
      },
      isPastDue: false,
    });
    assert.equal(seen[1]?.scheduleStatus.last, '2026-01-01T00:05:00.000Z');
  });

  it('can be invoked by hand through the admin endpoint, as with Core Tools', async () => {
    const before = (await runs()).length;
    const res = await post(host.url, '/admin/functions/everyFiveMinutes', {
      input: { IsPastDue: true },
    });
    assert.equal(res.status, 202);
    await host.settle();
    const seen = await runs();
    assert.equal(seen.length, before + 1);
  });
});
