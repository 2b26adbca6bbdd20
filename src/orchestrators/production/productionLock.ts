import type { OrchestrationContext, Task } from 'durable-functions';

import type { LockRelease, ProductionLockInput } from '../../domain/release/index.js';
import { lockEvents } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';

/** How often the lock checks that its holder still runs (a terminated holder frees it). */
export const holderCheckIntervalMs = 5 * 60_000;

/**
 * The `productionLock` orchestration (instance `lock-<site>`): while it runs, the site's
 * production phase belongs to `holder`. It ends when the holder sends `release`, or when the
 * holder is no longer running. Releases from anyone else are ignored.
 */
export function* productionLock(context: OrchestrationContext): Generator<Task, string, unknown> {
  const input = context.df.getInput<ProductionLockInput>();
  context.df.setCustomStatus({ heldBy: input.releaseId, holder: input.holder });
  for (;;) {
    const release = context.df.waitForExternalEvent(lockEvents.release);
    const timer = context.df.createTimer(inMs(context, holderCheckIntervalMs));
    const winner: unknown = yield context.df.Task.any([release, timer]);
    if (winner !== timer) {
      timer.cancel();
      const by = (release.result as Partial<LockRelease> | null)?.holder;
      if (by === input.holder) return `released by ${by}`;
      continue;
    }
    const active = yield* callActivity(context, 'isInstanceActive', { instanceId: input.holder });
    if (!active) return `holder ${input.holder} ended`;
  }
}
