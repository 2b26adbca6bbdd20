import { sealInput } from '../domain/identity/index.js';
import type { ProductionLockInput } from '../domain/release/index.js';
import { orchestratorNames, productionLockId } from '../domain/release/index.js';
import type { TryAcquireLockInput, TryAcquireLockOutput } from './contracts.js';
import { activeStatuses, type DurableOps } from './DurableOps.js';

/**
 * Takes the production lock of a site when it is free: the lock is the running
 * `productionLock` instance `lock-<site>`, and the durable store refuses to start a second
 * one while it runs, so two releases never both get it. Idempotent for the same holder.
 * The lock's input is sealed with `sealKey` (the lock refuses to run without the seal).
 */
export async function tryAcquireLock(
  durable: DurableOps,
  input: TryAcquireLockInput,
  sealKey: string,
): Promise<TryAcquireLockOutput> {
  const id = productionLockId(input.site);
  const current = await heldBy(durable, id);
  if (current !== undefined) {
    return current.holder === input.holder
      ? { acquired: true }
      : { acquired: false, heldBy: current.releaseId };
  }
  const lockInput: ProductionLockInput = {
    site: input.site,
    holder: input.holder,
    releaseId: input.releaseId,
  };
  try {
    await durable.startNew(
      orchestratorNames.productionLock,
      id,
      sealInput(orchestratorNames.productionLock, id, lockInput, sealKey),
    );
    return { acquired: true };
  } catch (cause) {
    const winner = await heldBy(durable, id);
    if (winner === undefined) throw cause;
    return winner.holder === input.holder
      ? { acquired: true }
      : { acquired: false, heldBy: winner.releaseId };
  }
}

async function heldBy(
  durable: DurableOps,
  id: string,
): Promise<{ holder: string; releaseId: string } | undefined> {
  const info = await durable.getInstance(id);
  if (info === undefined || !activeStatuses.has(info.runtimeStatus)) return undefined;
  const lock = info.input as Partial<ProductionLockInput> | null;
  return { holder: lock?.holder ?? '', releaseId: lock?.releaseId ?? lock?.holder ?? 'unknown' };
}
