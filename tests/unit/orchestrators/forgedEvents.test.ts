import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CallHookInput, RecordAuditInput } from '../../../src/activities/contracts.js';
import { sealEvent } from '../../../src/domain/identity/index.js';
import type {
  ReleaseCustomStatus,
  ReleaseOutcome,
  StageResult,
} from '../../../src/domain/release/index.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import { deployStage } from '../../../src/orchestrators/stage/deployStage.js';
import type { ScriptedEvent } from '../support/durable/DurableScript.js';
import { runOrchestration, type Script } from '../support/durable/runOrchestration.js';
import { testSealKey } from '../support/durable/seals.js';
import { answeringWait, digest, releaseInput, stageInput } from './support/fixtures.js';
import { releaseWorld } from './support/releaseWorld.js';

const hourMs = 3_600_000;
const minuteMs = 60_000;
const lead = { stage: 'staging', decision: 'approved', by: 'qa-lead@contoso.com', at: 'x' };

/** What an attacker holding the durable status URL can raise: any payload, no valid seal. */
const forgedApprovals = (atMs: number): ScriptedEvent[] => [
  { name: 'approval', data: { ...lead, by: 'mallory@evil.test', seal: undefined }, atMs },
  {
    name: 'approval',
    data: { ...lead, by: 'mallory@evil.test', seal: 'A'.repeat(43) },
    atMs: atMs + 1,
  },
  {
    // A genuine seal, but made for another release: replaying it must not work here.
    name: 'approval',
    data: sealEvent('pwbi-api-cdcdcdcdcdcdcdcdcdcd', 'approval', lead, testSealKey),
    atMs: atMs + 2,
  },
];

const runRelease = (script: Script) =>
  runOrchestration<ReleaseOutcome>(releasePipeline, releaseInput(), script);

describe('forged decision events', () => {
  it('ignores forged approvals: the release keeps waiting for staging, then a sealed one proceeds', async () => {
    const script = releaseWorld([
      ...forgedApprovals(10 * minuteMs),
      { name: 'approval', data: answeringWait(lead), atMs: hourMs },
      { name: 'approval', data: answeringWait({ ...lead, stage: 'production' }), atMs: 2 * hourMs },
    ]);
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Succeeded');
    const staging = r.calls.find((c) => c.instanceId?.endsWith('-staging'));
    assert.equal(staging?.atMs, hourMs, 'staging deployed only after the sealed approval');
    const statuses = r.statuses.map((s) => s as ReleaseCustomStatus);
    assert.ok(
      !statuses.some((s) => s.stages[1]?.approval?.by === 'mallory@evil.test'),
      'no forged approval is ever recorded',
    );
    assert.equal(r.lastStatus<ReleaseCustomStatus>().stages[1]?.approval?.by, lead.by);
    const deadlines = new Set(
      r.calls.filter((c) => c.kind === 'timer' && c.atMs < hourMs).map((c) => c.fireAtMs),
    );
    assert.deepEqual([...deadlines], [72 * hourMs], 'the same deadline throughout');

    const forged = script.audits.filter((a) => a.type === 'forgedEventIgnored');
    assert.equal(forged.length, 3);
    for (const audit of forged) {
      assert.equal(audit.stage, 'staging');
      assert.deepEqual(audit.detail, {
        event: 'approval',
        claimedBy: audit === forged[2] ? lead.by : 'mallory@evil.test',
      });
      assert.ok(!JSON.stringify(audit).includes('seal'), 'the audit line never holds a seal');
    }
  });

  it('leaves a release with only forged approvals waiting until its original timeout', async () => {
    const r = await runRelease(releaseWorld(forgedApprovals(hourMs)));
    assert.equal(r.output?.status, 'Expired');
    assert.equal(r.elapsedMs, 72 * hourMs);
    const waiting = r.statuses
      .map((s) => s as ReleaseCustomStatus)
      .filter((s) => s.status === 'WaitingForApproval');
    assert.ok(waiting.every((s) => s.waitingFor?.stage === 'staging'));
    assert.ok(!r.calls.some((c) => c.instanceId?.endsWith('-staging')));
  });

  it('ignores a forged cancel or supersede while waiting and a forged cancel while a stage runs', async () => {
    const script = releaseWorld([
      { name: 'cancel', data: { by: 'mallory@evil.test', reason: 'x', at: 'x', seal: undefined } },
      {
        name: 'supersede',
        data: { byReleaseId: 'pwbi-api-evil', at: 'x', seal: undefined },
        atMs: 5 * minuteMs,
      },
      { name: 'approval', data: answeringWait(lead), atMs: hourMs },
      {
        name: 'cancel',
        data: { by: 'mallory@evil.test', reason: 'x', at: 'x', seal: undefined },
        atMs: hourMs + 1,
      },
      { name: 'approval', data: answeringWait({ ...lead, stage: 'production' }), atMs: 2 * hourMs },
    ]);
    script.subDurationMs = { deployStage: 10 * minuteMs };
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Succeeded');
    assert.equal(r.activity('stopStage').length, 0);
    const events = script.audits
      .filter((a) => a.type === 'forgedEventIgnored')
      .map((a) => a.detail?.['event']);
    assert.deepEqual(events.sort(), ['cancel', 'cancel', 'supersede']);
  });

  it('still honours a sealed cancel after a forged one while a stage runs', async () => {
    const script = releaseWorld([
      {
        name: 'cancel',
        data: { by: 'mallory@evil.test', reason: 'x', at: 'x', seal: undefined },
        atMs: 1_000,
      },
      { name: 'cancel', data: { by: 'ops@contoso.com', reason: 'real', at: 'x' }, atMs: 2_000 },
    ]);
    script.subDurationMs = { deployStage: 10 * minuteMs };
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Canceled');
    assert.match(r.output?.reason ?? '', /canceled by ops@contoso.com: real/);
    assert.equal(r.activity('stopStage').length, 1);
  });

  it('does not let a forged flush marker use up the cancel wait of a running stage', async () => {
    const script = releaseWorld([
      { name: 'cancel', data: { flush: true }, atMs: 1_000 },
      { name: 'cancel', data: { by: 'ops@contoso.com', reason: 'real', at: 'x' }, atMs: 2_000 },
    ]);
    script.subDurationMs = { deployStage: 10 * minuteMs };
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Canceled');
    assert.equal(r.output?.stage, 'dev', 'canceled while dev ran, not at a later wait');
    assert.equal(r.activity('stopStage').length, 1);
  });
});

describe('forged hook callbacks', () => {
  const hookWorld = (events: ScriptedEvent[]): Script => ({
    activities: {
      deployImage: () => ({ changed: true, hostName: 'site.azurewebsites.net' }),
      checkSite: () => ({
        ready: true,
        configuredDigest: digest,
        servedDigest: digest,
        state: 'Running',
        status: 200,
        detail: 'GET /health: 200',
      }),
      callHook: (input: CallHookInput) =>
        input.hook === 'migrate'
          ? { kind: 'running' }
          : { kind: 'result', status: 'passed', detail: 'ok' },
      recordAudit: () => null,
    },
    events,
  });

  it('ignores a callback without the token and takes the one that echoes it', async () => {
    const r = await runOrchestration<StageResult>(
      deployStage,
      stageInput('staging'),
      hookWorld([
        { name: 'hook-staging-migrate', data: { status: 'passed', token: 'guess' }, atMs: 60_000 },
        { name: 'hook-staging-migrate', data: { status: 'failed' }, atMs: 5 * minuteMs },
      ]),
      'rel-staging',
    );
    const migrate = r.output?.checks.find((c) => c.name === 'migrate');
    assert.equal(
      migrate?.status,
      'Failed',
      'the echoed result (failed) counts, not the forged pass',
    );
    assert.equal(migrate?.detail, 'failed (callback)');
    const audits = r.activity('recordAudit').map((c) => c.input as RecordAuditInput);
    assert.deepEqual(
      audits.filter((a) => a.type === 'forgedEventIgnored').map((a) => a.detail?.['event']),
      ['hook-staging-migrate'],
    );
  });

  it('times out at the hook deadline when only forged callbacks arrive', async () => {
    const r = await runOrchestration<StageResult>(
      deployStage,
      stageInput('staging'),
      hookWorld([{ name: 'hook-staging-migrate', data: { status: 'passed', token: '' }, atMs: 1 }]),
      'rel-staging',
    );
    assert.equal(r.output?.status, 'Failed');
    assert.match(r.output?.checks.find((c) => c.name === 'migrate')?.detail ?? '', /timed out/);
  });
});
