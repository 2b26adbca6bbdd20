import type { OrchestrationContext, Task } from 'durable-functions';

import type { ProductionLockInput } from '../../domain/release/index.js';
import { orchestratorNames } from '../../domain/release/index.js';
import type { ProductionLockStatus } from '../../domain/release/lockContract.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';
import { requireSealedInput } from '../calls/requireSealedInput.js';

/** How often the lock checks that its holder still runs (a terminated holder frees it). */
export const holderCheckIntervalMs = 5 * 60_000;

/**
 * The `productionLock` orchestration (instance `lock-<site>`): while it runs, the site's
 * production phase belongs to `holder`. The holder ends it (terminates it) when done; it also
 * ends by itself once the holder no longer runs. It waits on timers only, never on events.
 * An input `tryAcquireLock` did not seal, or one that already ran (each acquisition has its
 * own `requestedAt`), is refused first (audited, then Failed). Its custom status
 * ({@link ProductionLockStatus}) is what tells the holder it got the lock.
 */
export function* productionLock(context: OrchestrationContext): Generator<Task, string, unknown> {
  const input = yield* requireSealedInput<ProductionLockInput>(
    context,
    orchestratorNames.productionLock,
  );
  const holding: ProductionLockStatus = {
    heldBy: input.releaseId,
    holder: input.holder,
    ...(input.requestedAt === undefined ? {} : { requestedAt: input.requestedAt }),
  };
  context.df.setCustomStatus(holding);
  for (;;) {
    yield context.df.createTimer(inMs(context, holderCheckIntervalMs));
    const active = yield* callActivity(context, 'isInstanceActive', { instanceId: input.holder });
    if (!active) return `holder ${input.holder} ended`;
  }
}
