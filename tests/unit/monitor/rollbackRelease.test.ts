import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createActivities } from '../../../src/activities/createActivities.js';
import type { RollbackReleaseInput } from '../../../src/domain/monitor/contract.js';
import type { MonitorStatus } from '../../../src/orchestrators/monitor/index.js';
import { rollbackRelease } from '../../../src/orchestrators/monitor/index.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import {
  fakeWorld,
  monitorInput,
  newDigest,
  otherDigest,
  previousDigest,
} from './support/fakeWorld.js';
import { runWithWorld } from './support/runMonitor.js';

const { carry: _carry, ...monitor } = monitorInput();
const input: RollbackReleaseInput = {
  monitor,
  request: {
    source: 'manual',
    by: 'eng-lead@contoso.com',
    reason: 'customer reports',
    at: new Date(fakeStartMs).toISOString(),
  },
};

describe('rollbackRelease (after the window)', () => {
  it('swaps the previous version back, verifies it and records the three times', async () => {
    const { run, world } = await runWithWorld(rollbackRelease, input);
    const out = run.output;
    assert.ok(out?.outcome === 'rolledBack');
    assert.equal(out.trigger, 'manual');
    assert.equal(out.detectedAt, input.request.at);
    assert.equal(out.evidence['requestedAt'], input.request.at);
    assert.ok(out.swapBackCompletedAt >= out.decidedAt);
    assert.equal(world.slots.get('production'), previousDigest);
    assert.equal(world.record.swaps, 1);
    const status = run.lastStatus<MonitorStatus>();
    assert.equal(status.phase, 'done');
    assert.equal(status.status, 'RolledBack');
    assert.equal(world.record.audit.get('rel-1:rolledBack')?.actor, 'eng-lead@contoso.com');
  });

  it('times the rollback on the orchestration clock even when the API clock differs', async () => {
    const skewed = { ...input, request: { ...input.request, at: '2031-01-01T00:00:00.000Z' } };
    const { run } = await runWithWorld(rollbackRelease, skewed);
    const out = run.output;
    assert.ok(out?.outcome === 'rolledBack');
    assert.equal(out.detectedAt, new Date(fakeStartMs).toISOString());
    assert.ok(out.detectedAt <= out.decidedAt);
  });

  it('refuses, changing nothing and telling nobody, when the slot runs another digest now', async () => {
    const { run, world } = await runWithWorld(rollbackRelease, input, {}, [], (w) =>
      w.slots.set('staging', otherDigest),
    );
    const out = run.output;
    assert.ok(out?.outcome === 'refused');
    assert.match(out.error, /expected it to still run the previous digest/);
    assert.equal(world.record.swaps, 0);
    assert.equal(world.record.notifications.length, 0);
    assert.equal(run.lastStatus<MonitorStatus>().phase, 'refused');
  });
});

describe('monitorBeginSwapBack', () => {
  const target = {
    releaseId: 'rel-1',
    site: monitor.site,
    slot: 'staging',
    previousDigest,
    newDigest,
  };

  it('resumes a started swap back instead of starting a second one', async () => {
    const world = fakeWorld();
    const activities = createActivities(world.deps);
    const first = await activities.monitorBeginSwapBack(target);
    const again = await activities.monitorBeginSwapBack(target);
    assert.equal(first.kind, 'started');
    assert.deepEqual(again, first);
    assert.equal(world.record.swaps, 1);
  });

  it('starts again after a recorded swap back that failed', async () => {
    const world = fakeWorld();
    const activities = createActivities(world.deps);
    const first = await activities.monitorBeginSwapBack(target);
    assert.ok(first.kind === 'started');
    world.deps.appService.pollSwap = () => Promise.resolve({ status: 'failed', detail: 'boom' });
    const again = await activities.monitorBeginSwapBack(target);
    assert.equal(again.kind, 'started');
    assert.equal(world.record.swaps, 2);
  });

  it('is a no-op once production runs the previous digest', async () => {
    const world = fakeWorld();
    const activities = createActivities(world.deps);
    const first = await activities.monitorBeginSwapBack(target);
    assert.ok(first.kind === 'started');
    await activities.monitorPollSwapBack({ handle: first.handle });
    assert.deepEqual(await activities.monitorBeginSwapBack(target), { kind: 'alreadyRolledBack' });
    assert.equal(world.record.swaps, 1);
  });

  it('sees a swap back that completes between its reads as done, never as a refusal', async () => {
    // Given a swap back started by a crashed attempt, unrecorded, finishing while it looks
    const world = fakeWorld();
    const appService = world.deps.appService;
    const getSlot = appService.getSlot.bind(appService);
    let reads = 0;
    world.deps.appService.getSlot = async (ref) => {
      reads += 1;
      if (reads === 2) {
        world.slots.set('production', previousDigest);
        world.slots.set('staging', newDigest);
      }
      return getSlot(ref);
    };
    // When the retried activity reads production (before) and the slot (after the swap)
    const out = await createActivities(world.deps).monitorBeginSwapBack(target);
    // Then it reports the rollback done and starts no second swap
    assert.deepEqual(out, { kind: 'alreadyRolledBack' });
    assert.equal(world.record.swaps, 0);
  });

  it('refuses when production runs neither digest', async () => {
    const world = fakeWorld();
    world.slots.set('production', otherDigest);
    const out = await createActivities(world.deps).monitorBeginSwapBack(target);
    assert.ok(out.kind === 'refused');
    assert.match(out.detail, /production: expected it to run this release's digest/);
  });
});

describe('monitorVerifyProduction', () => {
  it('fails naming what production is configured with', async () => {
    const world = fakeWorld();
    const out = await createActivities(world.deps).monitorVerifyProduction({
      site: monitor.site,
      digest: previousDigest,
      healthPath: '/health',
      timeoutMs: 1000,
    });
    assert.equal(out.ok, false);
    assert.match(out.detail, new RegExp(`configured ${newDigest}`));
  });
});

describe('monitorQueryRequests', () => {
  it('looks the App Insights resource up in config and asks for the window', async () => {
    const world = fakeWorld();
    let seen: unknown;
    world.deps.metrics = {
      requestStats: (q) => {
        seen = q;
        return Promise.resolve({
          from: q.fromIso,
          to: q.toIso,
          requests: 5,
          failed: 0,
          serverErrors: 0,
        });
      },
    };
    const out = await createActivities(world.deps).monitorQueryRequests({
      pipeline: 'pwbi-api',
      stage: 'production',
      table: 'AppRequests',
      hostNames: ['pwbi-api-prod.azurewebsites.net'],
      fromIso: '2026-01-01T10:00:00.000Z',
      toIso: '2026-01-01T10:05:00.000Z',
    });
    assert.deepEqual(out, { requests: 5, failed: 0, serverErrors: 0 });
    const q = seen as { resource: string; fromIso: string; hostNames: string[] };
    assert.match(q.resource, /components\/ai$/);
    assert.equal(q.fromIso, '2026-01-01T10:00:00.000Z');
    assert.deepEqual(q.hostNames, ['pwbi-api-prod.azurewebsites.net']);
  });

  it('names the stage when it has no monitor settings', async () => {
    const world = fakeWorld();
    await assert.rejects(
      createActivities(world.deps).monitorQueryRequests({
        pipeline: 'pwbi-api',
        stage: 'dev',
        table: 'AppRequests',
        hostNames: ['x.net'],
        fromIso: '2026-01-01T10:00:00.000Z',
        toIso: '2026-01-01T10:05:00.000Z',
      }),
      /pwbi-api\.stages\.dev\.monitor: expected a monitored stage/,
    );
  });
});
