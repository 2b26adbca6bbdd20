import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AzureRequestError } from '../../../src/azure/errors/AzureRequestError.js';
import type { MonitorResult } from '../../../src/domain/monitor/contract.js';
import type { RollbackRequest } from '../../../src/domain/release/contract.js';
import type { MonitorStatus } from '../../../src/orchestrators/monitor/index.js';
import { monitorRelease, ticksPerExecution } from '../../../src/orchestrators/monitor/index.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import {
  monitorInput,
  newDigest,
  otherDigest,
  plan,
  previousDigest,
  statsOf,
  throttled,
} from './support/fakeWorld.js';
import { runWithWorld } from './support/runMonitor.js';

const min = 60_000;
const iso = (ms: number) => new Date(fakeStartMs + ms).toISOString();

describe('monitorRelease', () => {
  it('ends healthy after the whole window (and one ingestion delay) with one sample per interval, no swap', async () => {
    const { run, world } = await runWithWorld(monitorRelease, monitorInput());
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'healthy');
    // 60 ticks in the window, 2 more until the last query reaches the window's end
    assert.ok(out.samples === 62, JSON.stringify(out));
    assert.equal(run.elapsedMs, 62 * min);
    assert.equal(world.record.swaps, 0);
    assert.equal(world.slots.get('production'), newDigest);
    const last = run.lastStatus<MonitorStatus>();
    assert.equal(last.monitor?.verdict, 'pass');
    assert.equal(last.monitor?.endsAt, iso(60 * min));
    assert.equal(last.monitor?.samples.length, 20);
    const largest = Math.max(...run.statuses.map((x) => JSON.stringify(x).length));
    assert.ok(largest < 8_000, `custom status ${largest} chars, well under the 16 KB limit`);
  });

  it('keeps history bounded by continuing as new every few ticks', async () => {
    const { run } = await runWithWorld(monitorRelease, monitorInput());
    assert.equal(run.executions, Math.ceil(62 / ticksPerExecution));
    assert.ok(run.maxHistoryPerExecution <= 150, `history ${run.maxHistoryPerExecution}`);
    const long = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 240 * min }) }),
    );
    assert.equal(long.run.maxHistoryPerExecution, run.maxHistoryPerExecution);
  });

  it('queries windows that never reach before the swap, lag by the ingestion delay and cover the window to its end', async () => {
    const { world } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 10 * min }) }),
    );
    const first = world.record.queries[0];
    assert.deepEqual(first && { fromIso: first.fromIso, toIso: first.toIso }, {
      fromIso: iso(0),
      toIso: iso(1 * min),
    });
    const last = world.record.queries.at(-1);
    assert.deepEqual(last && { fromIso: last.fromIso, toIso: last.toIso }, {
      fromIso: iso(5 * min),
      toIso: iso(10 * min),
    });
    assert.equal(world.record.queries.length, 10, 'ticks 1 and 2 have no complete window yet');
  });

  it('rolls back at the first tick whose lookback sees an error-rate breach from minute 20', async () => {
    const stats = (_from: number, to: number) =>
      to > 20 * min ? statsOf(600, 60) : statsOf(600, 0);
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), { stats });
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'rolledBack');
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'breach');
    assert.match(out.reason, /errorRate 0\.1 > 0\.01/);
    // data up to 20:00 is visible at 22:00 (2 min ingestion delay); the next tick is 23:00
    assert.equal(out.detectedAt, iso(23 * min));
    assert.equal(out.decidedAt, iso(23 * min));
    assert.ok(Date.parse(out.swapBackCompletedAt) > Date.parse(out.decidedAt));
    assert.equal(world.record.swaps, 1);
    assert.equal(world.slots.get('production'), previousDigest);
    assert.equal(out.evidence['errorRate'], 0.1);
  });

  it('sends the critical Slack message with evidence and writes the audit record', async () => {
    const stats = () => statsOf(600, 60);
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), { stats });
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'rolledBack');
    const urls = world.record.notifications.map((n) => n.url);
    assert.deepEqual(urls, ['https://slack.test/releases', 'https://slack.test/critical']);
    const n = world.record.notifications[0]?.n;
    assert.equal(n?.severity, 'critical');
    assert.match(n?.text ?? '', /Rolled back pwbi-api production/);
    assert.match(n?.text ?? '', /errorRate 0\.1/);
    assert.match(n?.text ?? '', /swap-back complete/);
    const audit = world.record.audit.get('rel-1:rolledBack');
    assert.equal(audit?.type, 'rolled back');
    assert.equal((audit?.detail as Record<string, unknown>)['trigger'], 'breach');
    const status = run.lastStatus<MonitorStatus>();
    assert.equal(status.status, 'RolledBack');
    assert.ok(status.rollback?.swapBackCompletedAt !== undefined);
    assert.equal(status.rollback?.detectedAt, out.outcome === 'rolledBack' ? out.detectedAt : '');
  });

  it('rolls back on a p95 breach', async () => {
    const stats = () => statsOf(600, 0, 3500);
    const { run } = await runWithWorld(monitorRelease, monitorInput(), { stats });
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.match(out.reason, /p95 3500ms > 2000ms/);
  });

  it('rolls back on a failing health probe before any metric is in', async () => {
    const { run } = await runWithWorld(monitorRelease, monitorInput(), {
      healthy: (ms, digest) => digest === previousDigest || ms < 30_000,
    });
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'health');
    assert.equal(out.detectedAt, iso(1 * min));
  });

  it('waits for failureLimit consecutive breaches and reports the first as detection', async () => {
    const stats = (_f: number, to: number) => (to > 10 * min ? statsOf(600, 60) : statsOf(600, 0));
    const { run } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ failureLimit: 3 }) }),
      { stats },
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.detectedAt, iso(13 * min));
    assert.equal(out.decidedAt, iso(15 * min));
    assert.match(out.reason, /3 consecutive breaches/);
  });

  it('is inconclusive on low traffic and keeps watching under policy continue', async () => {
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {
      stats: () => statsOf(10, 10, 9000),
    });
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'healthy');
    assert.equal(world.record.swaps, 0);
    const s = run.lastStatus<MonitorStatus>();
    assert.equal(s.monitor?.verdict, 'inconclusive');
    assert.ok(s.monitor?.samples.every((x) => x.verdict === 'inconclusive'));
  });

  it('rolls back on low traffic under policy rollback (once data is in)', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'rollback' }) });
    const { run } = await runWithWorld(monitorRelease, input, { stats: () => statsOf(3, 0) });
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'inconclusive');
    assert.equal(out.detectedAt, iso(3 * min), 'ticks before any complete window are neutral');
  });

  it('pauses on low traffic under policy pause until a decision: continue', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'pause', durationMs: 10 * min }) });
    const decision = {
      decision: 'continue',
      by: 'ops@contoso.com',
      reason: 'quiet hour',
      at: iso(30 * min),
      pausedSince: iso(3 * min),
    };
    const { run, world } = await runWithWorld(
      monitorRelease,
      input,
      { stats: (_f, to) => (to < 2 * min ? statsOf(3, 0) : statsOf(600, 0)) },
      [{ name: 'monitorDecision', data: decision, atMs: 30 * min }],
    );
    const out = run.output as MonitorResult;
    assert.equal(out.outcome, 'healthy');
    assert.equal(world.record.swaps, 0);
    const paused = run.statuses.find(
      (s) => (s as MonitorStatus).waitingForDecision !== undefined,
    ) as MonitorStatus;
    assert.equal(paused.waitingForDecision?.since, iso(3 * min));
    assert.ok(world.record.audit.has(`rel-1:monitoring-resumed:${iso(3 * min)}`));
  });

  it('pauses under policy pause and rolls back when the decision says so', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'pause' }) });
    const decision = {
      decision: 'rollback',
      by: 'ops@contoso.com',
      reason: 'not sure',
      at: iso(9 * min),
      pausedSince: iso(3 * min),
    };
    const { run, world } = await runWithWorld(
      monitorRelease,
      input,
      { stats: () => statsOf(3, 0) },
      [{ name: 'monitorDecision', data: decision, atMs: 9 * min }],
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.decidedAt, iso(9 * min));
    assert.equal(world.record.swaps, 1);
  });

  it('rolls back on a rollback request while paused, however late it comes', async () => {
    const input = monitorInput({ plan: plan({ inconclusive: 'pause' }) });
    const request: RollbackRequest = {
      source: 'manual',
      by: 'eng@contoso.com',
      reason: 'safe',
      at: iso(50 * 3_600_000),
    };
    const { run, world } = await runWithWorld(
      monitorRelease,
      input,
      { stats: () => statsOf(3, 0) },
      [{ name: 'rollback', data: request, atMs: 50 * 3_600_000 }],
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'manual');
    assert.equal(out.decidedAt, iso(50 * 3_600_000));
    assert.equal(world.record.swaps, 1);
  });

  it('retries a throttled query with durable timers and still judges the tick', async () => {
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 5 * min }) }),
      {
        queryFails: (n) => (n <= 2 ? throttled() : undefined),
      },
    );
    assert.equal((run.output as MonitorResult).outcome, 'healthy');
    const s = run.lastStatus<MonitorStatus>();
    assert.equal(s.monitor?.samples.find((x) => x.requests > 0)?.verdict, 'pass');
    assert.equal(world.record.queries.length, 5 + 2);
  });

  it('makes a query that keeps failing inconclusive, never a pass', async () => {
    const { run } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 5 * min }) }),
      {
        queryFails: () => new Error('Logs query: 500 Internal Server Error'),
      },
    );
    const s = run.lastStatus<MonitorStatus>();
    const judged =
      s.monitor?.samples.filter((x) => x.reason?.startsWith('request query failed')) ?? [];
    assert.equal(judged.length, 5);
    assert.ok(judged.every((x) => x.verdict === 'inconclusive'));
    assert.ok(s.monitor?.samples.every((x) => x.verdict !== 'pass'));
    assert.equal(s.monitor?.verdict, 'inconclusive');
  });

  it('never outgrows the custom status limit: longest reasons and evidence, every sample', async () => {
    // Worse than anything the API lets through: 2 000 control characters (6 JSON chars each)
    const huge = '\u0001'.repeat(2000);
    const request: RollbackRequest = {
      source: 'alert',
      by: huge,
      reason: huge,
      at: iso(45 * min),
      evidence: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`e${i}`, huge])),
    };
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      { queryFails: (n) => (n > 10 ? new Error(`Logs query: 500 ${huge}`) : undefined) },
      [{ name: 'rollback', data: request, atMs: 45 * min }],
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack', JSON.stringify(out).slice(0, 200));
    assert.equal(world.record.swaps, 1, 'production swapped back');
    const largest = Math.max(...run.statuses.map((x) => JSON.stringify(x).length));
    assert.ok(largest <= 8192, `custom status ${largest} JSON chars: over 16 KB of UTF-16`);
    assert.equal(run.lastStatus<MonitorStatus>().status, 'RolledBack');
  });

  it('rolls back at once on an alert push, without waiting for the next tick', async () => {
    const alert: RollbackRequest = {
      source: 'alert',
      by: 'azure-monitor',
      reason: 'alert Http5xx fired',
      at: iso(7 * min + 10_000),
      evidence: { alertRule: 'Http5xx' },
    };
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {}, [
      { name: 'rollback', data: alert, atMs: 7 * min + 10_000 },
    ]);
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'alert');
    assert.equal(out.decidedAt, iso(7 * min + 10_000));
    assert.equal(out.detectedAt, alert.at);
    assert.equal(out.evidence['alertRule'], 'Http5xx');
    assert.equal(world.record.swaps, 1);
  });

  it('times a manual rollback on the orchestration clock, keeping the API time as evidence', async () => {
    // The API stamped the request with a clock far from the orchestration's (a dev host's
    // virtual time, or a skewed machine): detected must still come before decided.
    const request: RollbackRequest = {
      source: 'manual',
      by: 'eng@contoso.com',
      reason: 'customers report errors',
      at: '2031-01-01T00:00:00.000Z',
    };
    const { run } = await runWithWorld(monitorRelease, monitorInput(), {}, [
      { name: 'rollback', data: request, atMs: 7 * min + 10_000 },
    ]);
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.detectedAt, iso(7 * min + 10_000));
    assert.ok(out.detectedAt <= out.decidedAt && out.decidedAt <= out.swapBackCompletedAt);
    assert.equal(out.evidence['requestedAt'], request.at);
  });

  it('does not lose a rollback raised while a sample is being taken', async () => {
    const request: RollbackRequest = {
      source: 'manual',
      by: 'eng@contoso.com',
      reason: 'bad',
      at: iso(5 * min),
    };
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {}, [
      { name: 'rollback', data: request, atMs: 5 * min },
    ]);
    // the event is due exactly when the 5-minute tick fires: it lands while sampling
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(out.trigger, 'manual');
    assert.equal(world.record.swaps, 1);
  });

  it('fails the rollback, swapping nothing, when the slot no longer runs the previous digest', async () => {
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      { stats: () => statsOf(600, 60) },
      [],
      (w) => w.slots.set('staging', otherDigest),
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rollbackFailed');
    assert.match(out.error, /slot staging: expected it to still run the previous digest/);
    assert.equal(world.record.swaps, 0);
    assert.match(world.record.notifications[0]?.n.text ?? '', /ROLLBACK FAILED/);
  });

  it('never swaps twice: production already on the previous digest is rolled back already', async () => {
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      { stats: () => statsOf(600, 60) },
      [],
      (w) => {
        w.slots.set('production', previousDigest);
        w.slots.set('staging', newDigest);
      },
    );
    assert.equal((run.output as MonitorResult).outcome, 'rolledBack');
    assert.equal(world.record.swaps, 0);
  });

  it('waits out a swap already running (a crashed attempt) instead of starting another', async () => {
    const { run, world } = await runWithWorld(
      monitorRelease,
      monitorInput(),
      { stats: () => statsOf(600, 60) },
      [],
      (w) => {
        w.deps.appService.beginSwap = () => {
          // the earlier attempt's swap finishes while this one is refused
          w.slots.set('production', previousDigest);
          w.slots.set('staging', newDigest);
          return Promise.reject(
            new AzureRequestError('409 Conflict: another swap is in progress', 409, 'Conflict'),
          );
        };
      },
    );
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack', JSON.stringify(out));
    assert.equal(run.calls.filter((c) => c.name === 'monitorBeginSwapBack').length, 2);
    assert.equal(world.slots.get('production'), previousDigest);
  });

  it('polls a slow swap back between durable timers', async () => {
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {
      stats: () => statsOf(600, 60),
      swapPolls: 4,
    });
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack');
    assert.equal(run.calls.filter((c) => c.name === 'monitorPollSwapBack').length, 4);
    assert.equal(Date.parse(out.swapBackCompletedAt) - Date.parse(out.decidedAt), 8_000);
    assert.equal(world.record.swaps, 1);
  });

  it('publishes the window end and the next tick', async () => {
    const { run } = await runWithWorld(
      monitorRelease,
      monitorInput({ plan: plan({ durationMs: 3 * min }) }),
    );
    const watching = run.statuses.filter(
      (s) => (s as MonitorStatus).monitor?.nextTickAt !== undefined,
    );
    assert.deepEqual(
      watching.map((s) => (s as MonitorStatus).monitor?.nextTickAt),
      [iso(1 * min), iso(2 * min), iso(3 * min), iso(4 * min), iso(5 * min)],
    );
    assert.equal((watching[0] as MonitorStatus).monitor?.endsAt, iso(3 * min));
  });
});
