import { sealInput } from '../domain/identity/index.js';
import type { ProductionLockInput } from '../domain/release/index.js';
import { orchestratorNames, productionLockId } from '../domain/release/index.js';
import type { ProductionLockStatus } from '../domain/release/lockContract.js';
import type { StartRefusedStatus } from '../domain/view/readStartRefusal.js';
import type { TryAcquireLockInput, TryAcquireLockOutput } from './contracts.js';
import { activeStatuses, type DurableOps, type InstanceInfo } from './DurableOps.js';

/**
 * Takes the production lock of a site when it is free: the lock is the running
 * `productionLock` instance `lock-<site>`, and the durable store refuses to start a second
 * one while it runs, so two releases never both get it. The lock's input is sealed with
 * `sealKey` and carries the attempt's `requestedAt`, so each acquisition is its own one-shot
 * start. A started lock is not trusted yet: the answer is `acquired` only once the lock runs
 * under `holder` and says it holds the site (it verified its input); until then `starting`,
 * and `refused` when the lock this attempt started ended without holding. Idempotent for the
 * same holder and `requestedAt`.
 */
export async function tryAcquireLock(
  durable: DurableOps,
  input: TryAcquireLockInput,
  sealKey: string,
): Promise<TryAcquireLockOutput> {
  const id = productionLockId(input.site);
  const seen = judgeLock(await durable.getInstance(id), input);
  if (seen !== undefined) return seen;
  const lockInput: ProductionLockInput = {
    site: input.site,
    holder: input.holder,
    releaseId: input.releaseId,
    requestedAt: input.requestedAt,
  };
  try {
    await durable.startNew(
      orchestratorNames.productionLock,
      id,
      sealInput(orchestratorNames.productionLock, id, lockInput, sealKey),
    );
  } catch (cause) {
    const winner = judgeLock(await durable.getInstance(id), input);
    if (winner === undefined) throw cause;
    return winner;
  }
  return judgeLock(await durable.getInstance(id), input) ?? { acquired: false, starting: true };
}

/**
 * What the lock instance means for this attempt; undefined when it is free to start (absent,
 * or ended and not started by this attempt). Pure.
 */
export function judgeLock(
  info: InstanceInfo | undefined,
  attempt: TryAcquireLockInput,
): TryAcquireLockOutput | undefined {
  if (info === undefined) return undefined;
  const lock = (info.input ?? {}) as Partial<ProductionLockInput>;
  const mine = lock.holder === attempt.holder;
  if (!activeStatuses.has(info.runtimeStatus)) {
    // Only the lock this very attempt started (a retried call) is its business; any other
    // ended lock leaves the site free.
    if (!mine || lock.requestedAt !== attempt.requestedAt) return undefined;
    const refused = (info.customStatus as Partial<StartRefusedStatus> | null)?.startRefused;
    return { acquired: false, refused: refused?.refusal ?? info.runtimeStatus };
  }
  if (!mine) {
    return { acquired: false, heldBy: lock.releaseId ?? lock.holder ?? 'unknown' };
  }
  const status = (info.customStatus ?? {}) as Partial<ProductionLockStatus>;
  const holding = status.holder === lock.holder && status.requestedAt === lock.requestedAt;
  return holding ? { acquired: true } : { acquired: false, starting: true };
}
