import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CheckSiteInput } from '../../../src/activities/contracts.js';
import type { MonitorInput } from '../../../src/domain/monitor/contract.js';
import type { StageProgress, StageResult } from '../../../src/domain/release/index.js';
import { productionRelease } from '../../../src/orchestrators/production/productionRelease.js';
import { runOrchestration, type Script } from '../support/durable/runOrchestration.js';
import { digest, oldDigest, stageInput } from './support/fixtures.js';

const handle = {
  pollerState: '{"state":{}}',
  site: { subscription: 's', resourceGroup: 'r', site: 'pwbi-api-prod' },
  slot: 'staging',
};

interface Options {
  probes?: boolean[];
  lockFreeAfter?: number;
  swap?: 'started' | 'alreadySwapped' | 'inProgress';
  polls?: ('running' | 'succeeded' | 'failed')[];
  monitor?: 'healthy' | 'rolledBack';
}

function world(o: Options = {}, cancelAfterChecks = Number.POSITIVE_INFINITY): Script {
  const probes = o.probes ?? [];
  const polls = o.polls ?? ['running', 'succeeded'];
  return {
    activities: {
      readCancelRequest: (_: unknown, n: number) =>
        n > cancelAfterChecks ? { by: 'ops@contoso.com', reason: 'stop', at: 'x' } : null,
      tryAcquireLock: (_: unknown, n: number) =>
        n > (o.lockFreeAfter ?? 0)
          ? { acquired: true }
          : { acquired: false, heldBy: 'pwbi-api-older' },
      releaseLock: () => null,
      notify: () => null,
      recordAudit: () => null,
      readSlots: (_: unknown, n: number) => ({
        productionHostName: 'pwbi-api-prod.azurewebsites.net',
        productionHostNames: ['api.pwbi.contoso.com', 'pwbi-api-prod.azurewebsites.net'],
        productionDigest: n >= 3 ? digest : oldDigest,
      }),
      deployImage: () => ({ changed: true, hostName: 'pwbi-api-prod-staging.azurewebsites.net' }),
      checkSite: (input: CheckSiteInput, n: number) => {
        const ok = input.target.slot === undefined ? true : (probes[n - 1] ?? true);
        return {
          ready: ok,
          state: 'Running',
          status: ok ? 200 : 503,
          detail: ok ? 'GET /health: 200' : '503',
        };
      },
      startSwap: () =>
        o.swap === undefined || o.swap === 'started'
          ? { kind: 'started', handle }
          : { kind: o.swap },
      pollSwap: (_: unknown, n: number) => {
        const status = polls[Math.min(n, polls.length) - 1] ?? 'succeeded';
        if (status === 'running')
          return { status, handle: { ...handle, pollerState: `poll-${n + 1}` } };
        return status === 'failed' ? { status, detail: 'slot stopped' } : { status };
      },
    },
    subOrchestrators: {
      monitorRelease: () =>
        o.monitor === 'rolledBack'
          ? {
              outcome: 'rolledBack',
              trigger: 'breach',
              reason: 'errorRate 0.2 > 0.01',
              evidence: {},
              detectedAt: 'a',
              decidedAt: 'b',
              swapBackCompletedAt: 'c',
            }
          : { outcome: 'healthy', samples: 60, endedAt: 'x' },
    },
  };
}

const run = (o: Options = {}, cancelAfterChecks?: number) =>
  runOrchestration<StageResult>(
    productionRelease,
    stageInput('production'),
    world(o, cancelAfterChecks),
    'rel-production',
  );

describe('productionRelease', () => {
  it('deploys to the inactive slot, warms up, swaps, verifies, monitors, and releases the lock', async () => {
    const r = await run({ probes: [true, false, true, true, true] });
    assert.equal(r.output?.status, 'Succeeded');
    assert.equal(r.output?.previousDigest, oldDigest);
    const deploy = r.activity('deployImage')[0]?.input as { target: { slot?: string } };
    assert.equal(deploy.target.slot, 'staging');
    const warmups = r
      .activity('checkSite')
      .filter((c) => (c.input as CheckSiteInput).target.slot === 'staging');
    assert.equal(warmups.length, 5, 'a failed probe restarts the streak of 3');
    assert.equal(warmups[4]?.atMs, 8_000, 'probes are 2s apart');
    assert.equal(r.activity('startSwap').length, 1);
    assert.deepEqual(
      r
        .activity('pollSwap')
        .map((c) => (c.input as { handle: { pollerState: string } }).handle.pollerState),
      ['{"state":{}}', 'poll-2'],
      'each poll uses the newest poller state',
    );
    const verify = r
      .activity('checkSite')
      .filter((c) => (c.input as CheckSiteInput).target.slot === undefined);
    assert.equal(verify.length, 1);
    const monitor = r.calls.find((c) => c.kind === 'sub');
    assert.equal(monitor?.name, 'monitorRelease');
    assert.equal(monitor?.instanceId, 'pwbi-api-abababababababababab-monitor');
    const input = monitor?.input as MonitorInput;
    assert.equal(input.previousDigest, oldDigest);
    assert.equal(input.newDigest, digest);
    assert.deepEqual(input.site, {
      subscription: 'sub-1',
      resourceGroup: 'pwbi-prod',
      site: 'pwbi-api-prod',
    });
    assert.equal(input.slot, 'staging');
    // Every host name of the production site (custom domains too) and monitor.hosts
    assert.deepEqual(input.hostNames, [
      'api.pwbi.contoso.com',
      'pwbi-api-prod.azurewebsites.net',
      'edge.contoso.net',
    ]);
    assert.equal(r.activity('releaseLock').length, 1);
    assert.deepEqual(
      r.activity('notify').map((c) => (c.input as { outcome: string }).outcome),
      ['swapped'],
    );
    assert.ok(r.activity('releaseLock')[0]!.atMs >= r.activity('pollSwap')[1]!.atMs);
  });

  it('waits for the production lock and says so in its custom status', async () => {
    const r = await run({ lockFreeAfter: 3 });
    assert.equal(r.output?.status, 'Succeeded');
    const waiting = r.statuses
      .map((s) => s as StageProgress)
      .filter((s) => s.waitingForLock !== undefined);
    assert.deepEqual(waiting[0]?.waitingForLock, {
      site: 'pwbi-api-prod',
      heldBy: 'pwbi-api-older',
    });
    assert.equal(r.activity('tryAcquireLock').length, 4);
    assert.equal(r.activity('deployImage')[0]?.atMs, 90_000, 'deploys only after the lock is free');
    assert.equal(r.lastStatus<StageProgress>().waitingForLock, undefined);
  });

  it('never swaps when production already runs the digest', async () => {
    const r = await run({ swap: 'alreadySwapped' });
    assert.equal(r.output?.status, 'Succeeded');
    assert.equal(r.activity('pollSwap').length, 0);
  });

  it('waits for a swap already in progress (started before a crash) instead of swapping again', async () => {
    const r = await run({ swap: 'inProgress' });
    assert.equal(r.output?.status, 'Succeeded');
    assert.equal(r.activity('pollSwap').length, 0);
    assert.equal(r.activity('readSlots').length, 3, 'read production until it ran the digest');
    assert.equal(r.output?.previousDigest, oldDigest);
  });

  it('stops before deploying when a cancel was passed on, and releases the lock', async () => {
    const r = await run({}, 0);
    assert.equal(r.output?.status, 'Canceled');
    assert.equal(r.output?.reason, 'canceled by ops@contoso.com: stop');
    assert.equal(r.activity('deployImage').length, 0);
    assert.equal(r.activity('releaseLock').length, 1);
  });

  it('stops before the swap when the release recorded a cancel meanwhile', async () => {
    const r = await run({}, 1);
    assert.equal(r.output?.status, 'Canceled');
    assert.equal(r.activity('deployImage').length, 1);
    assert.equal(r.activity('startSwap').length, 0);
    assert.equal(r.activity('releaseLock').length, 1);
  });

  it('fails after the warm-up timeout without swapping, and still releases the lock', async () => {
    const r = await run({ probes: Array.from({ length: 100 }, () => false) });
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /did not warm up/);
    assert.ok(r.elapsedMs >= 58_000);
    assert.equal(r.activity('startSwap').length, 0);
    assert.equal(r.activity('releaseLock').length, 1);
  });

  it('fails on a failed swap and releases the lock', async () => {
    const r = await run({ polls: ['running', 'failed'] });
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /swap failed: slot stopped/);
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 0);
    assert.equal(r.activity('releaseLock').length, 1);
  });

  it('ends RolledBack when monitoring rolled back', async () => {
    const r = await run({ monitor: 'rolledBack' });
    assert.equal(r.output?.status, 'RolledBack');
    assert.match(r.output?.reason ?? '', /errorRate 0.2/);
    assert.equal(r.activity('releaseLock').length, 1);
  });

  it('releases the lock when an activity fails for good', async () => {
    const script = world();
    script.activities = {
      ...script.activities,
      readSlots: () => {
        throw new Error('ARM down');
      },
    };
    const r = await runOrchestration<StageResult>(
      productionRelease,
      stageInput('production'),
      script,
      'rel-production',
    );
    assert.equal(r.output?.status, 'Failed');
    // retried with backoff (2 s doubling to 30 s) for the 3 minutes ARM reads may take
    const reads = r.activity('readSlots').map((c) => c.atMs);
    assert.deepEqual(
      reads,
      [0, 2, 6, 14, 30, 60, 90, 120, 150, 180].map((s) => s * 1000),
    );
    assert.equal(r.activity('releaseLock').length, 1);
  });
});
