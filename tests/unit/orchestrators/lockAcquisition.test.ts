import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { TryAcquireLockInput } from '../../../src/activities/contracts.js';
import { activeStatuses } from '../../../src/activities/DurableOps.js';
import { tryAcquireLock } from '../../../src/activities/tryAcquireLock.js';
import { RetryAfterError } from '../../../src/domain/errors.js';
import type { ProductionLockInput, StageResult } from '../../../src/domain/release/index.js';
import { productionLock } from '../../../src/orchestrators/production/productionLock.js';
import { productionRelease } from '../../../src/orchestrators/production/productionRelease.js';
import { fakeIso } from '../support/durable/fakeTime.js';
import { MemoryStartClaims } from '../support/durable/MemoryStartClaims.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { testSealKey } from '../support/durable/seals.js';
import { fakeDurable } from './activities/fakePorts.js';
import { stageInput } from './support/fixtures.js';
import { permissiveWorld } from './support/permissiveWorld.js';

const lockId = 'lock-pwbi-api-prod';
const holder = 'rel-production';

/**
 * Durable client operations whose `startNew` of the lock runs the real `productionLock`
 * orchestrator's first step (the real input check, claims shared across starts). A started
 * lock reads `Pending` at the first look; from the next look on it shows what its first step
 * did: holding (Running, its custom status) or refused (Failed, `startRefused`).
 */
function lockHost(claims: MemoryStartClaims) {
  const durable = fakeDurable();
  const starts: ProductionLockInput[] = [];
  let settle: (() => void) | undefined;
  const getInstance = durable.ops.getInstance.bind(durable.ops);
  durable.ops.getInstance = async (id) => {
    const info = await getInstance(id);
    if (info?.runtimeStatus === 'Pending') {
      const next = settle;
      settle = undefined;
      next?.();
    }
    return info;
  };
  durable.ops.startNew = async (_name, id, input) => {
    const current = durable.instances.get(id);
    if (current !== undefined && activeStatuses.has(current.runtimeStatus)) {
      throw new Error('409 already running');
    }
    starts.push(input as ProductionLockInput);
    const run = await runOrchestration(
      productionLock,
      input,
      {
        startClaims: claims,
        executionId: `lock-execution-${starts.length}`,
        // Its holder check is not the point here: the lock's first step is.
        activities: { recordAudit: () => null, isInstanceActive: () => false },
      },
      id,
    );
    durable.instances.set(id, { runtimeStatus: 'Pending', input, customStatus: null });
    settle = () => {
      durable.instances.set(
        id,
        run.statuses.some((s) => (s as { startRefused?: unknown }).startRefused !== undefined)
          ? { runtimeStatus: 'Failed', input, customStatus: run.lastStatus() }
          : { runtimeStatus: 'Running', input, customStatus: run.statuses[0] ?? null },
      );
    };
  };
  return { ...durable, starts };
}

/** The production phase of `rel`, its lock taken through the real activity over `host`. */
function runProduction(host: ReturnType<typeof lockHost>, startAtMs: number) {
  const outputs: unknown[] = [];
  return runOrchestration<StageResult>(
    productionRelease,
    stageInput('production'),
    permissiveWorld({
      startAtMs,
      activities: {
        ...permissiveWorld().activities,
        tryAcquireLock: async (input: TryAcquireLockInput) => {
          const out = await tryAcquireLock(host.ops, input, testSealKey);
          outputs.push(out);
          return out;
        },
      },
    }),
    holder,
  ).then((run) => ({ run, outputs }));
}

const attempt = (requestedAt: string): TryAcquireLockInput => ({
  site: 'pwbi-api-prod',
  holder,
  releaseId: stageInput('production').releaseId,
  requestedAt,
});

describe('taking the production lock again after it ended', () => {
  it('is a new sealed start (its own requestedAt): the lock holds again, the release deploys', async () => {
    const claims = new MemoryStartClaims();
    const host = lockHost(claims);
    // Given the release took the lock, and the lock ended (its holder looked inactive)
    assert.deepEqual(await tryAcquireLock(host.ops, attempt(fakeIso(0)), testSealKey), {
      acquired: false,
      starting: true,
    });
    assert.deepEqual(await tryAcquireLock(host.ops, attempt(fakeIso(0)), testSealKey), {
      acquired: true,
    });
    host.instances.set(lockId, { ...host.instances.get(lockId)!, runtimeStatus: 'Completed' });

    // When its production phase takes the lock again, ten minutes later
    const { run, outputs } = await runProduction(host, 10 * 60_000);

    // Then the second lock is a distinct input, runs, and the release deploys holding it
    assert.equal(host.starts.length, 2);
    assert.notEqual(host.starts[0]?.requestedAt, host.starts[1]?.requestedAt);
    assert.equal(claims.claims.size, 2, 'one claim per acquisition');
    assert.deepEqual(outputs, [{ acquired: false, starting: true }, { acquired: true }]);
    assert.equal(host.instances.get(lockId)?.runtimeStatus, 'Running');
    assert.equal(run.output?.status, 'Succeeded', JSON.stringify(run.output));
    assert.equal(run.activity('deployImage').length, 1);
  });
});

describe('a lock start refused at its first step', () => {
  it('is not the lock: the holder starts a new one (new requestedAt) and deploys only once it holds', async () => {
    const claims = new MemoryStartClaims();
    const host = lockHost(claims);
    const at = 10 * 60_000;
    // Given the lock input the phase will first send already ran once, and the lock's history
    // was purged since (so only its claim remembers it)
    await tryAcquireLock(host.ops, attempt(fakeIso(at)), testSealKey);
    await tryAcquireLock(host.ops, attempt(fakeIso(at)), testSealKey);
    host.instances.delete(lockId);

    const { run, outputs } = await runProduction(host, at);

    assert.deepEqual(outputs, [
      { acquired: false, starting: true },
      { acquired: false, refused: 'alreadyRan' },
      { acquired: false, starting: true },
      { acquired: true },
    ]);
    const calls = run.activity('tryAcquireLock').map((c) => c.input as TryAcquireLockInput);
    assert.equal(calls[0]?.requestedAt, calls[1]?.requestedAt, 'polls of one acquisition');
    assert.notEqual(calls[2]?.requestedAt, calls[1]?.requestedAt, 'a new acquisition');
    const acquiredAtMs = run.activity('tryAcquireLock')[3]?.atMs ?? Infinity;
    const deploy = run.activity('deployImage')[0];
    assert.ok(deploy !== undefined && deploy.atMs >= acquiredAtMs, 'deploys only once it holds');
    assert.equal(run.output?.status, 'Succeeded');
  });

  it('refused again and again: the production phase fails clearly and never deploys unlocked', async () => {
    const claims = new MemoryStartClaims();
    claims.failWith = new RetryAfterError('audit claimStart: storage unreachable', 2_000);
    const host = lockHost(claims);

    const { run, outputs } = await runProduction(host, 0);

    assert.equal(outputs.filter((o) => 'refused' in (o as object)).length, 3);
    assert.ok(outputs.every((o) => !(o as { acquired: boolean }).acquired));
    assert.equal(host.starts.length, 3);
    assert.equal(run.output?.status, 'Failed');
    assert.match(
      run.output?.reason ?? '',
      /production lock of pwbi-api-prod refused to start 3 times \(last: unverified\)/,
    );
    assert.equal(run.activity('deployImage').length, 0);
    assert.equal(run.activity('startSwap').length, 0);
  });
});

describe('tryAcquireLock retried with the same input', () => {
  it('finds the lock it started (starting, then refused) and never starts a second one', async () => {
    const durable = fakeDurable();
    const input = attempt('2026-01-01T00:00:00.000Z');
    assert.deepEqual(await tryAcquireLock(durable.ops, input, testSealKey), {
      acquired: false,
      starting: true,
    });
    const started = durable.instances.get(lockId)!;
    assert.deepEqual(await tryAcquireLock(durable.ops, input, testSealKey), {
      acquired: false,
      starting: true,
    });
    durable.instances.set(lockId, {
      runtimeStatus: 'Failed',
      input: started.input,
      customStatus: {
        startRefused: { orchestrator: 'productionLock', refusal: 'alreadyRan', at: 'x' },
      },
    });
    assert.deepEqual(await tryAcquireLock(durable.ops, input, testSealKey), {
      acquired: false,
      refused: 'alreadyRan',
    });
    assert.equal(durable.instances.get(lockId)?.runtimeStatus, 'Failed', 'not started again');
    // A new acquisition (a later requestedAt) starts a new lock.
    assert.deepEqual(
      await tryAcquireLock(durable.ops, attempt('2026-01-01T00:00:02.000Z'), testSealKey),
      { acquired: false, starting: true },
    );
    assert.equal(durable.instances.get(lockId)?.runtimeStatus, 'Running');
  });

  it('another holder’s lock that has not verified yet still holds the site for it', async () => {
    const durable = fakeDurable();
    await tryAcquireLock(
      durable.ops,
      { ...attempt('t1'), holder: 'other', releaseId: 'o' },
      testSealKey,
    );
    assert.deepEqual(await tryAcquireLock(durable.ops, attempt('t2'), testSealKey), {
      acquired: false,
      heldBy: 'o',
    });
  });
});
