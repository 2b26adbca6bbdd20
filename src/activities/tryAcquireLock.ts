import type { ProductionLockInput } from '../domain/release/index.js';
import { orchestratorNames, productionLockId } from '../domain/release/index.js';
import type { TryAcquireLockInput, TryAcquireLockOutput } from './contracts.js';
import { activeStatuses, type DurableOps, type InstanceInfo } from './DurableOps.js';

/**
 * Takes the production lock of a site when it is free: the lock is the running
 * `productionLock` instance `lock-<site>`, and the durable store refuses to start a second
 * one while it runs, so two releases never both get it. Idempotent for the same holder.
 */
export async function tryAcquireLock(
  durable: DurableOps,
  input: TryAcquireLockInput,
): Promise<TryAcquireLockOutput> {
  const id = productionLockId(input.site);
  const seen = judgeLock(await durable.getInstance(id), input);
  if (seen !== undefined) return seen;
  const lockInput: ProductionLockInput = {
    site: input.site,
    holder: input.holder,
    releaseId: input.releaseId,
  };
  try {
    await durable.startNew(orchestratorNames.productionLock, id, lockInput);
    return { acquired: true };
  } catch (cause) {
    const winner = judgeLock(await durable.getInstance(id), input);
    if (winner === undefined) throw cause;
    return winner;
  }
}

/**
 * What the lock instance means for this attempt; undefined when the site is free (no lock
 * instance, or one that ended). Pure.
 */
export function judgeLock(
  info: InstanceInfo | undefined,
  attempt: TryAcquireLockInput,
): TryAcquireLockOutput | undefined {
  if (info === undefined || !activeStatuses.has(info.runtimeStatus)) return undefined;
  const lock = (info.input ?? {}) as Partial<ProductionLockInput>;
  if (lock.holder === attempt.holder) return { acquired: true };
  return { acquired: false, heldBy: lock.releaseId ?? lock.holder ?? 'unknown' };
}
