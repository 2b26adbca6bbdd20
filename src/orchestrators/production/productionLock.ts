import type { OrchestrationContext, Task } from 'durable-functions';

import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import type { ProductionLockInput } from '../../domain/release/index.js';
import type { ProductionLockStatus } from '../../domain/release/lockContract.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';

/**
 * How often the lock checks that its holder still runs (a terminated holder frees it). The
 * holder releases the lock itself in every outcome, so this only bounds how long a holder
 * that was terminated keeps the next release waiting; each check is a separately billed burst.
 */
export const holderCheckIntervalMs = 15 * 60_000;

/**
 * The `productionLock` orchestration (instance `lock-<site>`): while it runs, the site's
 * production phase belongs to `holder`. The holder ends it (terminates it) when done; it also
 * ends by itself once the holder no longer runs. It waits on timers only, never on events.
 * Its custom status is a {@link ProductionLockStatus}.
 */
export function* productionLock(context: OrchestrationContext): Generator<Task, string, unknown> {
  const input = context.df.getInput<ProductionLockInput>();
  const holding: ProductionLockStatus = {
    heldBy: input.releaseId,
    holder: input.holder,
  };
  context.df.setCustomStatus(boundCustomStatus(holding));
  for (;;) {
    yield context.df.createTimer(inMs(context, holderCheckIntervalMs));
    const active = yield* callActivity(context, 'isInstanceActive', { instanceId: input.holder });
    if (!active) return `holder ${input.holder} ended`;
  }
}
