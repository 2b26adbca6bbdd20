import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MonitorResult } from '../../../src/domain/monitor/contract.js';
import type { RollbackRequest } from '../../../src/domain/release/contract.js';
import type { MonitorCustomStatus } from '../../../src/orchestrators/monitor/index.js';
import { monitorRelease } from '../../../src/orchestrators/monitor/index.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import { monitorInput, plan, statsOf } from './support/fakeWorld.js';
import { runWithWorld } from './support/runMonitor.js';

const min = 60_000;
const iso = (ms: number) => new Date(fakeStartMs + ms).toISOString();

const forgedRollback: RollbackRequest & { seal: undefined } = {
  source: 'manual',
  by: 'mallory@evil.test',
  reason: 'forged',
  at: iso(7 * min),
  seal: undefined,
};

describe('monitorRelease and forged events', () => {
  it('ignores a forged rollback: no swap back, the window ends healthy, the attempt is audited', async () => {
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 15 * min }) }),
      {},
      [
        { name: 'rollback', data: forgedRollback, atMs: 7 * min + 10_000 },
        { name: 'rollback', data: { ...forgedRollback, seal: 'B'.repeat(43) }, atMs: 9 * min },
      ],
    );
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'healthy');
    assert.ok(
      out.outcome === 'healthy' && out.samples === 17, // 15 in the window, 2 to cover its end
      `every tick still taken: ${JSON.stringify(out)}`,
    );
    assert.equal(world.record.swaps, 0);
    const forged = [...world.record.audit.values()].filter((e) => e.type === 'forgedEventIgnored');
    assert.equal(forged.length, 2);
    assert.deepEqual(forged[0]?.detail, { event: 'rollback', claimedBy: 'mallory@evil.test' });
  });

  it('still rolls back on a sealed rollback that follows a forged one', async () => {
    const real: RollbackRequest = { ...forgedRollback, by: 'eng@contoso.com', reason: 'bad' };
    delete (real as { seal?: unknown }).seal;
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {}, [
      { name: 'rollback', data: forgedRollback, atMs: 7 * min },
      { name: 'rollback', data: real, atMs: 8 * min + 1_000 },
    ]);
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.decidedAt, iso(8 * min + 1_000));
    assert.equal(out.evidence['requestedBy'], 'eng@contoso.com');
    assert.equal(world.record.swaps, 1);
  });

  for (const atMs of [30_000, 7 * min + 10_000]) {
    it(`rolls back on a sealed rollback raised right behind a forged one (at ${atMs / 1000} s)`, async () => {
      // The forged one is being checked when the sealed one arrives: after several ticks the
      // SDK holds spent copies of a wait yielded in each race, and must not hand it to one.
      const real: RollbackRequest = { ...forgedRollback, by: 'eng@contoso.com', reason: 'bad' };
      delete (real as { seal?: unknown }).seal;
      const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {}, [
        { name: 'rollback', data: { ...forgedRollback, at: iso(atMs) }, atMs },
        { name: 'rollback', data: { ...real, at: iso(atMs) }, atMs },
      ]);
      const out = run.output as MonitorResult;
      assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
      assert.equal(out.evidence['requestedBy'], 'eng@contoso.com');
      assert.equal(world.record.swaps, 1);
    });
  }

  it('takes a sealed decision raised right behind a forged one after two days paused', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'pause', durationMs: 10 * min }) });
    const since = iso(3 * min); // the first sample judged (too little traffic) pauses
    const answer = { decision: 'rollback', by: 'ops@contoso.com', reason: 'quiet', at: iso(0) };
    const { run, world } = await runWithWorld(
      monitorRelease,
      input,
      { stats: () => statsOf(3, 0) },
      [
        { name: 'monitorDecision', data: { ...answer, seal: undefined }, atMs: 50 * 60 * min },
        { name: 'monitorDecision', data: { ...answer, pausedSince: since }, atMs: 50 * 60 * min },
      ],
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
    assert.equal(out.evidence['decidedBy'], 'ops@contoso.com');
    assert.equal(world.record.swaps, 1);
  });

  it('stays paused on a forged decision, a forged rollback and a replayed decision until the sealed one for this pause', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'pause', durationMs: 10 * min }) });
    const decision = { decision: 'rollback', by: 'mallory@evil.test', reason: 'x', at: iso(0) };
    const { run, world } = await runWithWorld(
      monitorRelease,
      input,
      { stats: (_f, to) => (to < 2 * min ? statsOf(3, 0) : statsOf(600, 0)) },
      [
        { name: 'monitorDecision', data: { ...decision, seal: undefined }, atMs: 10 * min },
        { name: 'rollback', data: forgedRollback, atMs: 20 * min },
        // Sealed, but for another pause: what replaying an earlier decision looks like.
        {
          name: 'monitorDecision',
          data: { ...decision, by: 'ops@contoso.com', pausedSince: iso(1 * min) },
          atMs: 25 * min,
        },
        {
          name: 'monitorDecision',
          data: {
            decision: 'continue',
            by: 'ops@contoso.com',
            reason: 'quiet',
            at: iso(0),
            pausedSince: iso(3 * min),
          },
          atMs: 30 * min,
        },
      ],
    );
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'healthy');
    assert.equal(world.record.swaps, 0);
    const paused = run.statuses
      .map((s) => s as MonitorCustomStatus)
      .filter((s) => s.waitingForDecision !== undefined);
    assert.ok(paused.length > 0);
    assert.ok(paused.every((s) => s.waitingForDecision?.since === iso(3 * min)));
    assert.ok(world.record.audit.has(`rel-1:monitoring-resumed:${iso(3 * min)}`));
    const forged = [...world.record.audit.values()]
      .filter((e) => e.type === 'forgedEventIgnored')
      .map((e) => e.detail?.['event']);
    assert.deepEqual(forged, ['monitorDecision', 'rollback', 'monitorDecision']);
  });
});
