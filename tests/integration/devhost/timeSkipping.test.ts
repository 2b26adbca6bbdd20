import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, ScaledClock, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';
import { summarizeHistory } from './summarizeHistory.js';

const minute = 60_000;
const api = '/runtime/webhooks/durabletask';

describe('virtual time-skipping', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, clock });
  });
  after(async () => {
    await host.stop();
  });

  it('never moves time on its own: settle runs work but leaves the clock alone', async () => {
    const t0 = clock.now();
    await post(host.url, `${api}/orchestrators/DeployOrchestrator/vt-1`, {});
    await host.settle();
    assert.equal(clock.now(), t0);
    assert.equal((await host.getStatus('vt-1'))?.runtimeStatus, 'Running');
    // The approval arrives before any skipping: the 30 min timeout never fired behind our back.
    assert.equal(
      (await post(host.url, `${api}/instances/vt-1/raiseEvent/Approval`, {})).status,
      202,
    );
    const s = await host.waitFor('vt-1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 'ok');
    assert.equal(clock.now(), t0);
  });

  it('does not skip time while an activity is still running', async () => {
    const t0 = clock.now();
    await post(host.url, `${api}/orchestrators/SleepThenTimer/vt-2`, { sleepMs: 150, minutes: 10 });
    await host.advance(5 * minute);
    const lines = summarizeHistory((await host.history('vt-2')) ?? [], t0);
    assert.ok(
      lines.some((l) => l.startsWith('+0m TaskCompleted ->0 150')),
      lines.join('\n'),
    );
    assert.ok(lines.includes('+0m TimerCreated#1 at+10m'), lines.join('\n'));
    assert.equal(clock.now(), t0 + 5 * minute);
    const s = await host.waitFor('vt-2', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, new Date(t0 + 10 * minute).toISOString());
    assert.equal(clock.now(), t0 + 10 * minute);
  });

  it('wakes shared-clock sleepers and engine timers in time order during advance', async () => {
    const t0 = clock.now();
    await post(host.url, `${api}/orchestrators/UncancelledTimer/vt-3`, {});
    await host.settle();
    const seen: string[] = [];
    const early = clock.sleepUntil(t0 + 10 * minute).then(async () => {
      seen.push(
        `sleeper@${(clock.now() - t0) / minute} ${(await host.getStatus('vt-3'))?.runtimeStatus}`,
      );
    });
    const late = clock.sleepUntil(t0 + 45 * minute).then(async () => {
      seen.push(
        `sleeper@${(clock.now() - t0) / minute} ${(await host.getStatus('vt-3'))?.runtimeStatus}`,
      );
    });
    await host.advance(60 * minute);
    await Promise.all([early, late]);
    assert.deepEqual(seen, ['sleeper@10 Running', 'sleeper@45 Completed']);
    assert.equal(clock.now(), t0 + 60 * minute);
  });

  it('moves time for out-of-process tests through POST /admin/devhost/advance', async () => {
    const t0 = clock.now();
    await post(host.url, `${api}/orchestrators/UncancelledTimer/vt-admin`, {});
    const res = await post(host.url, `/admin/devhost/advance?ms=${30 * minute}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { nowMs: t0 + 30 * minute });
    assert.equal((await host.getStatus('vt-admin'))?.runtimeStatus, 'Completed');
    assert.equal((await post(host.url, '/admin/devhost/advance?ms=-1')).status, 400);
    assert.equal((await post(host.url, '/admin/devhost/settle')).status, 200);
  });

  it('rejects waitFor once the next timer lies beyond maxVirtualMs, without moving past it', async () => {
    const t0 = clock.now();
    await post(host.url, `${api}/orchestrators/WaitForApproval/vt-4`, {});
    await post(host.url, `${api}/orchestrators/DeployOrchestrator/vt-5`, {});
    await assert.rejects(
      host.waitFor('vt-5', (x) => x.runtimeStatus === 'Completed', { maxVirtualMs: 10 * minute }),
      /virtual time/,
    );
    // The fixture's 5-minute timer trigger is a stop on the way; the 30-minute durable timer is not reached.
    assert.ok(clock.now() <= t0 + 10 * minute);
    assert.equal((await host.getStatus('vt-5'))?.runtimeStatus, 'Running');
  });

  it('rejects waitFor after the real timeout when nothing can ever happen', async () => {
    await assert.rejects(
      host.waitFor('vt-4', (x) => x.runtimeStatus === 'Completed', { realTimeoutMs: 200 }),
      /real timeout/,
    );
  });

  it('refuses advance on a host without a virtual clock', async () => {
    const real = await startDevHost({ appDir: fixtureAppDir, clock: new ScaledClock(600) });
    try {
      await assert.rejects(real.advance(1000), /expected a virtual clock, got a scaled clock/);
      // With a scaled clock timers fire on their own: 10 min at 600x is one real second.
      const t0 = real.clock.now();
      await post(real.url, `${api}/orchestrators/SleepThenTimer/scaled-1`, {
        sleepMs: 1,
        minutes: 10,
      });
      const s = await real.waitFor('scaled-1', (x) => x.runtimeStatus === 'Completed', {
        realTimeoutMs: 5000,
      });
      assert.ok(Date.parse(String(s.output)) >= t0 + 10 * minute);
    } finally {
      await real.stop();
    }
  });
});
