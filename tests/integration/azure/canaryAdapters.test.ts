import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { VirtualClock } from '../../../devhost/clock/index.js';
import { type Sandbox, startSandbox } from '../../../sandbox/index.js';
import { TrafficRoutingAdapter } from '../../../src/azure/appService/TrafficRoutingAdapter.js';
import { AppServiceAdapter, AzureRequestError, createClients } from '../../../src/azure/index.js';
import { ArmSlotMetrics } from '../../../src/azure/metrics/ArmSlotMetrics.js';
import { sandboxSettings } from './support/sandboxSettings.js';

const minuteMs = 60_000;

describe('canary adapters against the sandbox (real @azure/arm-appservice and @azure/arm-monitor over TLS)', () => {
  let sandbox: Sandbox;
  let clock: VirtualClock;
  let routing: TrafficRoutingAdapter;
  let metrics: ArmSlotMetrics;
  let appService: AppServiceAdapter;
  let sub: string;
  const prod = () => ({ subscription: sub, resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' });
  const slotHost = 'pwbi-api-prod-staging.azurewebsites.net';

  before(async () => {
    clock = new VirtualClock(Date.UTC(2026, 0, 5, 10, 0, 0));
    sandbox = await startSandbox({ azurite: false, clock });
    sub = sandbox.subscriptionId;
    const clients = createClients(sandboxSettings(sandbox));
    routing = new TrafficRoutingAdapter(clients);
    metrics = new ArmSlotMetrics(clients);
    appService = new AppServiceAdapter(clients);
  });
  after(async () => {
    await sandbox.stop();
  });

  test('setShare writes the rule az webapp traffic-routing writes, idempotently; 0 clears it', async () => {
    const set = await routing.setShare(prod(), {
      slot: 'staging',
      hostName: slotHost,
      percent: 10,
    });
    assert.deepEqual(set, [{ name: 'staging', hostName: slotHost, percent: 10 }]);
    assert.deepEqual(await routing.readShares(prod()), set);
    const history = () => sandbox.routingHistory('pwbi-api-prod');
    assert.deepEqual(history().at(-1)?.rules, [
      { actionHostName: slotHost, reroutePercentage: 10, name: 'staging' },
    ]);
    const writes = history().length;
    await routing.setShare(prod(), { slot: 'staging', hostName: slotHost, percent: 10 });
    assert.equal(history().length, writes, 'same share: nothing written');
    assert.deepEqual(
      await routing.setShare(prod(), { slot: 'staging', hostName: slotHost, percent: 0 }),
      [],
    );
    assert.deepEqual(history().at(-1)?.rules, []);
  });

  test('per-slot metrics count what each slot served: errors at 50 % show on the slot only', async () => {
    // Given an erroring image in the slot, warmed up, and half of production's traffic on it
    const pushed = await sandbox.push('pwbi-api:8.0.0', { deliver: 'none', profile: 'errors:40' });
    await appService.deployImage({ ...prod(), slot: 'staging' }, pushed.image);
    await clock.advance(minuteMs);
    await routing.setShare(prod(), { slot: 'staging', hostName: slotHost, percent: 50 });
    const from = Math.ceil(clock.now() / minuteMs) * minuteMs;
    await clock.advance(4 * minuteMs);
    const window = {
      fromIso: new Date(from).toISOString(),
      toIso: new Date(from + 3 * minuteMs).toISOString(),
    };

    // When the slot's and production's platform metrics are read over the same minutes
    const slot = await metrics.traffic({ ...prod(), slot: 'staging' }, window);
    const production = await metrics.traffic(prod(), window);

    // Then the slot served about half of 10 rps and its 5xx; production none of them
    assert.ok(slot.requests > 700 && slot.requests < 1100, JSON.stringify(slot));
    assert.ok(slot.http5xx / slot.requests > 0.3, JSON.stringify(slot));
    assert.ok(production.requests > 700 && production.requests < 1100, JSON.stringify(production));
    assert.equal(production.http5xx, 0);
    assert.ok((slot.averageResponseMs ?? 0) > 10 && (slot.averageResponseMs ?? 0) < 1000);
    await routing.setShare(prod(), { slot: 'staging', hostName: slotHost, percent: 0 });
  });

  test('a slot that does not exist is a non-retryable 404', async () => {
    await assert.rejects(
      metrics.traffic(
        { ...prod(), slot: 'nope' },
        {
          fromIso: new Date(clock.now() - 2 * minuteMs).toISOString(),
          toIso: new Date(clock.now()).toISOString(),
        },
      ),
      (err: unknown) => err instanceof AzureRequestError && err.statusCode === 404,
    );
  });
});
