import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  ReleaseCustomStatus,
  ReleaseOutcome,
  StageInput,
} from '../../../src/domain/release/index.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { runOrchestration, type Script } from '../support/durable/runOrchestration.js';
import { answeringWait, releaseInput, stageResult } from './support/fixtures.js';

const hourMs = 3_600_000;

const approve = (stage: string, atMs?: number): ScriptedEvent => ({
  name: 'approval',
  data: answeringWait({
    stage,
    decision: 'approved',
    by: 'lead@contoso.com',
    at: '2026-01-01T01:00:00Z',
  }),
  ...(atMs === undefined ? {} : { atMs }),
});

function world(
  events: ScriptedEvent[],
  results: Record<string, StageResult['status']> = {},
): Script {
  return {
    activities: {
      notify: () => null,
      recordAudit: () => null,
      tryAcquireLock: () => ({ acquired: true }),
      supersedeOlderReleases: () => ({ superseded: [] }),
      flushEvent: (
        input: { eventName: string },
        _n: number,
        raise: (n: string, d: unknown) => void,
      ) => {
        raise(input.eventName, { flush: true });
        return null;
      },
    },
    subOrchestrators: {
      deployStage: (input: StageInput) =>
        stageResult(input.stage.name, results[input.stage.name] ?? 'Succeeded'),
      productionRelease: (input: StageInput) =>
        stageResult(
          input.stage.name,
          results[input.stage.name] ?? 'Succeeded',
          results[input.stage.name] === 'RolledBack'
            ? 'rolled back: errorRate 0.2 > 0.01'
            : undefined,
        ),
    },
    events,
  };
}
type StageResult = ReturnType<typeof stageResult>;

const run = (script: Script) =>
  runOrchestration<ReleaseOutcome>(releasePipeline, releaseInput(), script);

describe('releasePipeline', () => {
  it('deploys dev at once, waits for each approval, then runs staging and production in order', async () => {
    const r = await run(world([approve('staging', hourMs), approve('production', 2 * hourMs)]));
    assert.deepEqual(r.output, { status: 'Succeeded', stage: 'production' });
    const subs = r.calls.filter((c) => c.kind === 'sub');
    assert.deepEqual(
      subs.map((c) => [c.name, c.instanceId, c.atMs]),
      [
        ['deployStage', 'pwbi-api-abababababababababab-dev', 0],
        ['deployStage', 'pwbi-api-abababababababababab-staging', hourMs],
        ['productionRelease', 'pwbi-api-abababababababababab-production', 2 * hourMs],
      ],
    );
    const final = r.lastStatus<ReleaseCustomStatus>();
    assert.equal(final.status, 'Succeeded');
    assert.deepEqual(
      final.stages.map((s) => s.status),
      ['Succeeded', 'Succeeded', 'Succeeded'],
    );
    assert.equal(final.stages[1]?.approval?.by, 'lead@contoso.com');
  });

  it('publishes WaitingForApproval with stage, since, expiry and approvers', async () => {
    const r = await run(world([approve('staging', hourMs), approve('production', 2 * hourMs)]));
    const waiting = r.statuses
      .map((s) => s as ReleaseCustomStatus)
      .find((s) => s.status === 'WaitingForApproval');
    assert.deepEqual(waiting?.waitingFor, {
      stage: 'staging',
      since: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-04T00:00:00.000Z',
      approvers: ['qa-lead@contoso.com'],
      required: 1,
      approvals: [],
      stillNeeded: 1,
    });
    assert.equal(waiting?.stages[0]?.status, 'Succeeded');
    const outcomes = r.activity('notify').map((c) => (c.input as { outcome: string }).outcome);
    assert.ok(outcomes.includes('waiting for approval'));
    assert.ok(outcomes.includes('deployed'));
    assert.ok(outcomes.includes('released'));
  });

  it('ignores an approval for another stage and keeps the original deadline', async () => {
    const r = await run(
      world([
        approve('production', hourMs),
        approve('staging', 2 * hourMs),
        approve('production', 3 * hourMs),
      ]),
    );
    assert.equal(r.output?.status, 'Succeeded');
    const staging = r.calls.find((c) => c.instanceId?.endsWith('-staging'));
    assert.equal(staging?.atMs, 2 * hourMs);
    const deadlines = new Set(
      r.calls.filter((c) => c.kind === 'timer' && c.atMs < 2 * hourMs).map((c) => c.fireAtMs),
    );
    assert.deepEqual([...deadlines], [72 * hourMs]);
  });

  it('shows waitingForLock while another release holds the production lock, then starts production', async () => {
    const script = world([approve('staging'), approve('production')]);
    script.activities = {
      ...script.activities,
      tryAcquireLock: (input: { holder: string }, n: number) => {
        assert.equal(input.holder, 'pwbi-api-abababababababababab-production');
        return n > 2 ? { acquired: true } : { acquired: false, heldBy: 'pwbi-api-older' };
      },
    };
    const r = await run(script);
    assert.equal(r.output?.status, 'Succeeded');
    const statuses = r.statuses.map((s) => s as ReleaseCustomStatus);
    const waiting = statuses.find((s) => s.waitingForLock !== undefined);
    assert.deepEqual(waiting?.waitingForLock, { site: 'pwbi-api-prod', heldBy: 'pwbi-api-older' });
    assert.equal(waiting?.stages[2]?.status, 'Running');
    const production = r.calls.find((c) => c.name === 'productionRelease');
    assert.equal(production?.atMs, 60_000, 'started after two lock polls 30 s apart');
    assert.equal(r.lastStatus<ReleaseCustomStatus>().waitingForLock, undefined);
  });

  it('stops a running deployStage on cancel and ends Canceled', async () => {
    const script = world([
      { name: 'cancel', data: { by: 'ops@contoso.com', reason: 'wrong build', at: 'x' } },
    ]);
    script.activities = { ...script.activities, stopStage: () => null };
    const r = await run(script);
    assert.equal(r.output?.status, 'Canceled');
    assert.match(r.output?.reason ?? '', /canceled by ops@contoso.com: wrong build/);
    assert.deepEqual(
      r.activity('stopStage').map((c) => c.input),
      [
        {
          instanceId: 'pwbi-api-abababababababababab-dev',
          reason: 'canceled by ops@contoso.com: wrong build',
        },
      ],
    );
    assert.deepEqual(
      r.lastStatus<ReleaseCustomStatus>().stages.map((s) => s.status),
      ['Canceled', 'Skipped', 'Skipped'],
    );
  });

  it('records a cancel for a running productionRelease, which decides when to stop', async () => {
    const script = world([
      approve('staging'),
      approve('production', 2 * hourMs),
      {
        name: 'cancel',
        data: { by: 'ops@contoso.com', reason: 'stop', at: 'x' },
        atMs: 2 * hourMs + 1_000,
      },
    ]);
    script.subDurationMs = { productionRelease: 60_000 };
    script.subOrchestrators = {
      ...script.subOrchestrators,
      productionRelease: (input: StageInput) =>
        stageResult(input.stage.name, 'Canceled', 'canceled by ops@contoso.com: stop'),
    };
    const r = await run(script);
    assert.equal(r.output?.status, 'Canceled');
    const recorded = r.statuses.map((s) => s as ReleaseCustomStatus).find((s) => s.cancelRequested);
    assert.deepEqual(recorded?.cancelRequested, {
      by: 'ops@contoso.com',
      reason: 'stop',
      at: '2026-01-01T02:00:01.000Z',
    });
    assert.equal(r.lastStatus<ReleaseCustomStatus>().stages[2]?.status, 'Canceled');
  });

  it('a supersede that reached a stale waiter is honoured at the next approval wait', async () => {
    const r = await run(
      world([
        approve('staging'),
        { name: 'supersede', data: { byReleaseId: 'pwbi-api-new', at: 'x' }, atMs: 1 },
      ]),
    );
    assert.equal(r.output?.status, 'Superseded');
    assert.equal(r.output?.stage, 'production');
    assert.ok(!r.calls.some((c) => c.name === 'productionRelease'));
  });

  it('clears stale waiters before waiting on a name again (flush events to itself)', async () => {
    const r = await run(world([approve('staging'), approve('production', hourMs)]));
    assert.equal(r.output?.status, 'Succeeded');
    const flushed = r
      .activity('flushEvent')
      .map((c) => (c.input as { eventName: string }).eventName);
    assert.deepEqual(flushed, ['cancel', 'cancel', 'cancel', 'supersede', 'cancel']);
  });

  it('ends Rejected when the awaited stage is rejected, without deploying it', async () => {
    const r = await run(
      world([
        {
          name: 'approval',
          data: answeringWait({
            stage: 'staging',
            decision: 'rejected',
            by: 'qa@contoso.com',
            at: 'x',
            comment: 'broken login',
          }),
        },
      ]),
    );
    assert.equal(r.output?.status, 'Rejected');
    assert.match(r.output?.reason ?? '', /rejected by qa@contoso.com: broken login/);
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 1);
    const final = r.lastStatus<ReleaseCustomStatus>();
    assert.deepEqual(
      final.stages.map((s) => s.status),
      ['Succeeded', 'Rejected', 'Skipped'],
    );
    assert.equal(final.waitingFor, undefined);
  });

  it('ends Expired when nobody decides before the approval timeout', async () => {
    const r = await run(world([]));
    assert.equal(r.output?.status, 'Expired');
    assert.ok(r.elapsedMs >= 72 * hourMs);
    assert.equal(r.lastStatus<ReleaseCustomStatus>().stages[1]?.status, 'Expired');
  });

  it('ends Canceled on a cancel and Superseded on a newer image while waiting', async () => {
    const canceled = await run(
      world([
        {
          name: 'cancel',
          data: { by: 'ops@contoso.com', reason: 'hotfix', at: 'x' },
          atMs: hourMs,
        },
      ]),
    );
    assert.equal(canceled.output?.status, 'Canceled');
    assert.match(canceled.output?.reason ?? '', /ops@contoso.com: hotfix/);
    const superseded = await run(
      world([{ name: 'supersede', data: { byReleaseId: 'pwbi-api-ffff', at: 'x' }, atMs: hourMs }]),
    );
    assert.equal(superseded.output?.status, 'Superseded');
    assert.match(superseded.output?.reason ?? '', /pwbi-api-ffff/);
    assert.equal(superseded.elapsedMs, hourMs);
  });

  it('fails the release when dev fails, and never waits for staging', async () => {
    const r = await run(world([approve('staging')], { dev: 'Failed' }));
    assert.equal(r.output?.status, 'Failed');
    assert.equal(r.output?.stage, 'dev');
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 1);
    assert.ok(!r.statuses.some((s) => (s as ReleaseCustomStatus).status === 'WaitingForApproval'));
  });

  it('ends RolledBack when production rolled back, with a critical notification', async () => {
    const r = await run(
      world([approve('staging'), approve('production')], { production: 'RolledBack' }),
    );
    assert.equal(r.output?.status, 'RolledBack');
    const critical = r
      .activity('notify')
      .filter((c) => (c.input as { severity: string }).severity === 'critical');
    assert.equal(critical.length, 1);
  });

  it('treats a crashed stage sub-orchestration as a failed stage', async () => {
    const script = world([]);
    script.subOrchestrators = {
      deployStage: () => {
        throw new Error('boom');
      },
    };
    const r = await run(script);
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.reason ?? '', /boom/);
  });

  it('keeps going when Slack is down', async () => {
    const script = world([approve('staging'), approve('production')]);
    script.activities = {
      ...script.activities,
      recordAudit: () => null,
      notify: () => {
        throw new Error('slack 500');
      },
    };
    const r = await run(script);
    assert.equal(r.output?.status, 'Succeeded');
    const perMessage = r.activity('notify').length / r.activity('recordAudit').length;
    assert.equal(perMessage, 2, 'one retry per message, then it moves on');
  });
});
