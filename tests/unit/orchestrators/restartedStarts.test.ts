import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  RecordAuditInput,
  VerifyOrchestrationInputInput,
} from '../../../src/activities/contracts.js';
import { RetryAfterError } from '../../../src/domain/errors.js';
import { ForgedStartError } from '../../../src/orchestrators/calls/ForgedStartError.js';
import { productionLock } from '../../../src/orchestrators/production/productionLock.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import { deployStage } from '../../../src/orchestrators/stage/deployStage.js';
import { fakeStartIso } from '../support/durable/fakeTime.js';
import { MemoryStartClaims } from '../support/durable/MemoryStartClaims.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { inputVerifier, startInput } from '../support/durable/seals.js';
import { releaseInput, stageInput } from './support/fixtures.js';
import { permissiveWorld } from './support/permissiveWorld.js';

/** The release as the API started it: sealed for its instance, no approvals (cheap to run). */
function sealedRelease() {
  const input = releaseInput();
  input.plan.stages = input.plan.stages.map(({ approval: _a, ...s }) => s);
  return { id: input.releaseId, sealed: startInput('releasePipeline', input.releaseId, input) };
}

const laterMs = 3 * 3_600_000;

describe('a finished top-level orchestration started again with its own sealed input', () => {
  it('is refused at step one: audited, startRefused published, nothing deployed or started', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    const first = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({ startClaims: claims }),
      id,
    );
    assert.equal(first.error, undefined);
    assert.ok(
      first.calls.some((c) => c.kind === 'sub'),
      'the first execution ran its stages',
    );

    const again = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({ startClaims: claims, executionId: 'execution-2', startAtMs: laterMs }),
      id,
    );
    assert.ok(again.error instanceof ForgedStartError);
    assert.equal(again.error.refusal, 'alreadyRan');
    assert.match(
      again.error.message,
      /sealed input already ran once: started again outside its API/,
    );
    assert.deepEqual(
      again.calls.map((c) => [c.kind, c.name]),
      [
        ['activity', 'verifyOrchestrationInput'],
        ['activity', 'recordAudit'],
      ],
    );
    const laterIso = new Date(Date.parse(fakeStartIso) + laterMs).toISOString();
    assert.deepEqual(again.lastStatus(), {
      startRefused: {
        orchestrator: 'releasePipeline',
        refusal: 'alreadyRan',
        at: laterIso,
        firstStartedAt: fakeStartIso,
      },
    });
    const audit = again.activity('recordAudit')[0]?.input as RecordAuditInput;
    assert.equal(audit.type, 'forgedStartRefused');
    assert.equal(audit.releaseId, id);
    assert.deepEqual(audit.detail, {
      orchestrator: 'releasePipeline',
      instanceId: id,
      refusal: 'alreadyRan',
      firstStartedAt: fakeStartIso,
    });
    assert.ok(!JSON.stringify(audit).includes('seal'), 'no seal in the audit record');
  });

  it('the same execution again (a replay, or the check retried after a crash) still runs', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    const script = permissiveWorld({ startClaims: claims });
    assert.equal((await runOrchestration(releasePipeline, sealed, script, id)).error, undefined);
    const replay = await runOrchestration(releasePipeline, sealed, script, id);
    assert.equal(replay.error, undefined);
    assert.equal(replay.calls.filter((c) => c.kind === 'sub').length, 3);
    assert.equal(claims.claims.size, 1);
  });

  it('is refused at the same instant too (a clock that stood still): the execution id tells them apart', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    await runOrchestration(releasePipeline, sealed, permissiveWorld({ startClaims: claims }), id);
    const again = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({ startClaims: claims, executionId: 'execution-2' }),
      id,
    );
    assert.ok(again.error instanceof ForgedStartError);
    assert.equal(again.activity('deployImage').length, 0);
  });

  it('a host that exposes no execution id: the first episode time alone tells a later start apart', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    const noId = { startClaims: claims, executionId: null };
    await runOrchestration(releasePipeline, sealed, permissiveWorld(noId), id);
    const later = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({ ...noId, startAtMs: laterMs }),
      id,
    );
    assert.ok(later.error instanceof ForgedStartError);
    assert.equal(later.calls.filter((c) => c.kind === 'sub').length, 0);
  });

  it('storage down: the check is retried, then the start is refused (never trusted)', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    claims.failWith = new RetryAfterError('audit claimStart: storage unreachable', 2_000);
    const r = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({ startClaims: claims }),
      id,
    );
    assert.ok(r.error instanceof ForgedStartError);
    assert.equal(r.error.refusal, 'unverified');
    const checks = r.activity('verifyOrchestrationInput');
    assert.equal(checks.length, 15, 'the check was retried');
    assert.ok(
      (checks.at(-1)?.atMs ?? 0) >= 9 * 60_000,
      `refused only after about ten minutes of retries (last check at ${checks.at(-1)?.atMs} ms)`,
    );
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 0);
    assert.equal(r.activity('notify').length, 0);
  });

  it('storage down for five minutes: the check keeps retrying on timers and the release then runs', async () => {
    const { id, sealed } = sealedRelease();
    const claims = new MemoryStartClaims();
    const verify = inputVerifier(claims);
    const outageMs = 5 * 60_000;
    let nowMs = 0;
    const r = await runOrchestration(
      releasePipeline,
      sealed,
      permissiveWorld({
        startClaims: claims,
        onTime: (ms) => {
          nowMs = ms;
        },
        activities: {
          ...permissiveWorld().activities,
          verifyOrchestrationInput: (input: VerifyOrchestrationInputInput) => {
            if (nowMs < outageMs) {
              throw new RetryAfterError('audit claimStart: storage unreachable', 2_000);
            }
            return verify(input);
          },
        },
      }),
      id,
    );
    assert.equal(r.error, undefined);
    const checks = r.activity('verifyOrchestrationInput');
    assert.ok(checks.length > 5, `retried past the old budget (${checks.length} checks)`);
    assert.ok((checks.at(-1)?.atMs ?? 0) >= outageMs);
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 3, 'every stage ran');
    assert.equal(claims.claims.size, 1);
  });

  it('the production lock: each acquisition’s sealed input runs once under the same instance id', async () => {
    const claims = new MemoryStartClaims();
    const id = 'lock-pwbi-api-prod';
    const lock = (holder: string, requestedAt: string) =>
      startInput('productionLock', id, {
        site: 'pwbi-api-prod',
        holder,
        releaseId: holder,
        requestedAt,
      });
    const run = (holder: string, requestedAt: string, executionId: string) =>
      runOrchestration(
        productionLock,
        lock(holder, requestedAt),
        permissiveWorld({ startClaims: claims, executionId }),
        id,
      );
    const t1 = '2026-01-01T00:00:00.000Z';
    assert.equal((await run('rel-a-production', t1, 'x1')).error, undefined);
    assert.equal((await run('rel-b-production', t1, 'x2')).error, undefined);
    assert.ok(
      (await run('rel-a-production', t1, 'x3')).error instanceof ForgedStartError,
      'the same acquisition replayed is refused',
    );
    assert.equal(
      (await run('rel-a-production', '2026-01-01T00:10:00.000Z', 'x4')).error,
      undefined,
      'the same holder taking the lock again later is a new acquisition',
    );
  });

  it('sub-orchestrations claim nothing: bound to their parent, each run of the parent may start them', async () => {
    const claims = new MemoryStartClaims();
    const parent = 'pwbi-api-abababababababababab';
    const id = `${parent}-dev`;
    const input = startInput('deployStage', id, stageInput('dev'), parent);
    for (const executionId of ['x1', 'x2']) {
      const r = await runOrchestration(
        deployStage,
        input,
        permissiveWorld({ startClaims: claims, executionId, parentInstanceId: parent }),
        id,
      );
      assert.equal(r.error, undefined);
    }
    assert.equal(claims.claims.size, 0);
  });
});
