import type { LockRelease } from '../domain/release/index.js';
import { lockEvents, productionLockId } from '../domain/release/index.js';
import type { ReleaseLockInput } from './contracts.js';
import type { DurableOps } from './DurableOps.js';

/**
 * Gives the production lock back. The lock ignores a release from anyone but its holder,
 * so a repeated or late call never frees a lock another release took since. Idempotent.
 */
export async function releaseLock(durable: DurableOps, input: ReleaseLockInput): Promise<null> {
  const id = productionLockId(input.site);
  const info = await durable.getInstance(id);
  if (info === undefined) return null;
  const payload: LockRelease = { holder: input.holder };
  await durable.raiseEvent(id, lockEvents.release, payload);
  return null;
}
