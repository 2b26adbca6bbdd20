import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseCustomStatus, ReleaseOutcome } from '../../../src/domain/release/index.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import { runOrchestration, type Script } from '../support/durable/runOrchestration.js';
import { answeringWait, releaseInput } from './support/fixtures.js';
import { releaseWorld } from './support/releaseWorld.js';

const hourMs = 3_600_000;
const minuteMs = 60_000;
const decision = (stage: string) => ({
  stage,
  decision: 'approved',
  by: 'qa-lead@contoso.com',
  at: 'x',
});

const runRelease = (script: Script) =>
  runOrchestration<ReleaseOutcome>(releasePipeline, releaseInput(), script);

describe('stale approval decisions', () => {
  it('ignores decisions with a missing or stale waitingSince; the matching one proceeds', async () => {
    const script = releaseWorld([
      { name: 'approval', data: decision('staging'), atMs: 10 * minuteMs },
      {
        name: 'approval',
        data: { ...decision('staging'), waitingSince: '2025-12-31T00:00:00.000Z' },
        atMs: 20 * minuteMs,
      },
      {
        name: 'approval',
        data: { ...decision('staging'), decision: 'rejected', waitingSince: 'x' },
        atMs: 30 * minuteMs,
      },
      { name: 'approval', data: answeringWait(decision('staging')), atMs: hourMs },
      { name: 'approval', data: answeringWait(decision('production')), atMs: 2 * hourMs },
    ]);
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Succeeded');
    const staging = r.calls.find((c) => c.instanceId?.endsWith('-staging'));
    assert.equal(staging?.atMs, hourMs, 'staging deployed only after the matching approval');
    const deadlines = new Set(
      r.calls.filter((c) => c.kind === 'timer' && c.atMs < hourMs).map((c) => c.fireAtMs),
    );
    assert.deepEqual([...deadlines], [72 * hourMs], 'the same deadline throughout');
    const statuses = r.statuses as ReleaseCustomStatus[];
    assert.ok(
      !statuses.some((s) => s.stages[1]?.approval !== undefined && s.updatedAt < '2026-01-01T01'),
      'no stale decision is ever recorded as the approval',
    );
  });

  it('keeps waiting at the same stage until its timeout when only stale decisions arrive', async () => {
    const script = releaseWorld([{ name: 'approval', data: decision('staging'), atMs: hourMs }]);
    const r = await runRelease(script);
    assert.equal(r.output?.status, 'Expired');
    assert.equal(r.elapsedMs, 72 * hourMs);
    assert.ok(!r.calls.some((c) => c.instanceId?.endsWith('-staging')));
    const statuses = r.statuses as ReleaseCustomStatus[];
    assert.ok(
      statuses
        .filter((s) => s.status === 'WaitingForApproval')
        .every((s) => s.waitingFor?.stage === 'staging'),
    );
  });
});
