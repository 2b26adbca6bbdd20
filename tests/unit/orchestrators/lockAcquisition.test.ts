import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { TryAcquireLockInput } from '../../../src/activities/contracts.js';
import { tryAcquireLock } from '../../../src/activities/tryAcquireLock.js';
import { fakeDurable } from './activities/fakePorts.js';

const lockId = 'lock-pwbi-api-prod';
const mine: TryAcquireLockInput = {
  site: 'pwbi-api-prod',
  holder: 'rel-production',
  releaseId: 'rel',
};
const theirs: TryAcquireLockInput = { ...mine, holder: 'other-production', releaseId: 'other' };

describe('tryAcquireLock', () => {
  it('starts the lock on a free site; a retry by the same holder finds it and starts nothing', async () => {
    const durable = fakeDurable();
    assert.deepEqual(await tryAcquireLock(durable.ops, mine), { acquired: true });
    assert.equal(durable.instances.get(lockId)?.runtimeStatus, 'Running');
    const first = durable.instances.get(lockId);
    assert.deepEqual(await tryAcquireLock(durable.ops, mine), { acquired: true });
    assert.equal(durable.instances.get(lockId), first, 'not started again');
  });

  it('another holder waits, naming the release that holds the site', async () => {
    const durable = fakeDurable();
    await tryAcquireLock(durable.ops, theirs);
    assert.deepEqual(await tryAcquireLock(durable.ops, mine), { acquired: false, heldBy: 'other' });
  });

  it('a lock that ended leaves the site free: the next holder starts a new one', async () => {
    const durable = fakeDurable();
    await tryAcquireLock(durable.ops, theirs);
    const ended = durable.instances.get(lockId)!;
    durable.instances.set(lockId, { ...ended, runtimeStatus: 'Completed' });
    assert.deepEqual(await tryAcquireLock(durable.ops, mine), { acquired: true });
    const lock = durable.instances.get(lockId);
    assert.equal(lock?.runtimeStatus, 'Running');
    assert.equal((lock?.input as { holder?: string }).holder, 'rel-production');
  });
});
