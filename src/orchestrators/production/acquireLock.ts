import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';
import type { StageTracker } from '../stage/StageTracker.js';

/** How often a waiting release looks at the lock again. */
export const lockPollIntervalMs = 30_000;

/**
 * Waits until this instance holds the production lock of `site`. While another release
 * holds it, the stage's custom status says `waitingForLock`; between looks it waits on a
 * durable timer.
 */
export function* acquireLock(
  context: OrchestrationContext,
  site: string,
  releaseId: string,
  tracker: StageTracker,
): Generator<Task, void, unknown> {
  for (;;) {
    const attempt = yield* callActivity(context, 'tryAcquireLock', {
      site,
      holder: context.df.instanceId,
      releaseId,
    });
    if (attempt.acquired) return;
    tracker.step(`waiting for the production lock of ${site} (held by ${attempt.heldBy})`, {
      waitingForLock: { site, heldBy: attempt.heldBy },
    });
    yield context.df.createTimer(inMs(context, lockPollIntervalMs));
  }
}
