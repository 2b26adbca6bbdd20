import type { ProductionLockInput } from '../domain/release/index.js';
import { productionLockId } from '../domain/release/index.js';
import type { ReleaseLockInput } from './contracts.js';
import { activeStatuses, type DurableOps } from './DurableOps.js';

/**
 * Gives the production lock back by ending the lock instance, but only while `holder`
 * holds it, so a repeated or late call never frees a lock another release took since.
 * Idempotent.
 */
export async function releaseLock(durable: DurableOps, input: ReleaseLockInput): Promise<null> {
  const id = productionLockId(input.site);
  const info = await durable.getInstance(id);
  if (info === undefined || !activeStatuses.has(info.runtimeStatus)) return null;
  const lock = info.input as Partial<ProductionLockInput> | null;
  if (lock?.holder !== input.holder) return null;
  await durable.terminate(id, `released by ${input.holder}`);
  return null;
}
