import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AzureRequestError } from '../../../src/azure/errors/AzureRequestError.js';
import { RetryAfterError } from '../../../src/domain/errors.js';
import type { MonitorResult } from '../../../src/domain/monitor/contract.js';
import { monitorRelease } from '../../../src/orchestrators/monitor/index.js';
import { monitorInput, previousDigest, statsOf } from './support/fakeWorld.js';
import { runWithWorld } from './support/runMonitor.js';

const min = 60_000;
const breachFromStart = { stats: () => statsOf(600, 60) };
const swapCommand =
  'az webapp deployment slot swap --subscription sub-1 --resource-group pwbi-prod --name pwbi-api-prod --slot staging --target-slot production';

/** Makes every ARM read of the world fail with `error()` while virtual time is before `untilMs`. */
function armDownUntil(untilMs: number, error: () => Error) {
  return (w: Parameters<NonNullable<Parameters<typeof runWithWorld>[4]>>[0]): void => {
    let nowMs = 0;
    const setElapsed = w.setElapsed;
    w.setElapsed = (ms) => {
      nowMs = ms;
      setElapsed(ms);
    };
    const getSlot = w.deps.appService.getSlot.bind(w.deps.appService);
    w.deps.appService.getSlot = (ref) => (nowMs < untilMs ? Promise.reject(error()) : getSlot(ref));
  };
}

describe('a rollback under transient failures', () => {
  it('outlasts a 40-minute ARM throttling burst and still rolls back, paging at a bounded pace', async () => {
    // Given production breaches at the first tick and ARM answers 429 (Retry-After 1 s) for 40 minutes
    const throttled = () =>
      new RetryAfterError('getSlot: 429 SubscriptionRequestsThrottled', 1_000);
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      breachFromStart,
      [],
      armDownUntil(40 * min, throttled),
    );

    // Then the swap back happened once the burst ended, and production runs the previous version
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
    assert.equal(world.slots.get('production'), previousDigest);
    assert.equal(world.record.swaps, 1);
    const begins = run.activity('monitorBeginSwapBack');
    assert.ok(begins.length > 30, `retried ${begins.length} times, far past 4 attempts`);
    assert.ok((begins.at(-1)?.atMs ?? 0) >= 40 * min);

    // And the critical channel was paged while it retried: 30 s in, then every 15 minutes
    const pages = world.record.notifications.filter((n) => n.n.outcome === 'rollback retrying');
    assert.equal(pages.length, 3, pages.map((p) => p.n.key).join(', '));
    assert.ok(pages.every((p) => p.url === 'https://slack.test/critical'));
    assert.match(pages[0]?.n.text ?? '', /getSlot: 429/);
    assert.ok(pages[0]?.n.text.includes(swapCommand), pages[0]?.n.text);
    const pagedAt = run.activity('monitorPageRollback').map((c) => c.atMs);
    const firstFailure = begins[0]?.atMs ?? 0;
    assert.ok((pagedAt[0] ?? 0) - firstFailure >= 30_000);
    assert.ok((pagedAt[1] ?? 0) - (pagedAt[0] ?? 0) >= 15 * min);
    assert.ok((pagedAt[2] ?? 0) - (pagedAt[1] ?? 0) >= 15 * min);

    // And the final critical notification says rolled back
    assert.ok(
      world.record.notifications.some(
        (n) => n.url === 'https://slack.test/critical' && n.n.outcome === 'rolled back',
      ),
    );
  });

  it('honours a long Retry-After instead of hammering ARM', async () => {
    const slowDown = () => new RetryAfterError('getSlot: 429 (retry after 90000 ms)', 90_000);
    const { run } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      breachFromStart,
      [],
      armDownUntil(62 * min, slowDown),
    );
    assert.equal((run.output as MonitorResult).outcome, 'rolledBack');
    const begins = run.activity('monitorBeginSwapBack').map((c) => c.atMs);
    for (let i = 1; i < begins.length; i += 1) {
      assert.ok((begins[i] ?? 0) - (begins[i - 1] ?? 0) >= 90_000, `attempt ${i + 1} too soon`);
    }
  });

  it('does not page a blip that passes within half a minute', async () => {
    const blip = () => new RetryAfterError('getSlot: 503 ServiceUnavailable', 1_000);
    // the first tick is at minute 1; the blip is over 10 s into the rollback
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      breachFromStart,
      [],
      armDownUntil(min + 10_000, blip),
    );
    assert.equal((run.output as MonitorResult).outcome, 'rolledBack');
    assert.equal(run.activity('monitorPageRollback').length, 0);
    assert.ok(!world.record.notifications.some((n) => n.n.outcome === 'rollback retrying'));
  });

  it('fails on a non-transient error and pages the exact az command that finishes it', async () => {
    // Given ARM refuses the swap back for good (403: the identity lost its role)
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      breachFromStart,
      [],
      (w) => {
        w.deps.appService.beginSwap = () =>
          Promise.reject(
            new AzureRequestError('beginSwap: 403 AuthorizationFailed', 403, 'AuthorizationFailed'),
          );
      },
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rollbackFailed', JSON.stringify(out));
    assert.match(out.error, /403 AuthorizationFailed/);
    assert.equal(out.command, swapCommand);
    assert.equal(run.activity('monitorBeginSwapBack').length, 1, 'a 403 is not retried');
    const critical = world.record.notifications.find(
      (n) => n.url === 'https://slack.test/critical' && n.n.outcome === 'rollback failed',
    );
    assert.ok(critical?.n.text.includes(`run: ${swapCommand}`), critical?.n.text);
    assert.equal(world.record.audit.get('rel-1:rollbackFailed')?.detail?.['command'], swapCommand);
  });

  it('names the image to set by hand when the slot no longer holds the previous version', async () => {
    const { run } = await runWithWorld(monitorRelease, monitorInput(), breachFromStart, [], (w) =>
      w.slots.set('staging', `sha256:${'ee'.repeat(32)}`),
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rollbackFailed');
    assert.equal(
      out.command,
      `az webapp config container set --subscription sub-1 --resource-group pwbi-prod --name pwbi-api-prod --container-image-name pwbiregistry.azurecr.io/pwbi-api@${previousDigest}`,
    );
  });
});
