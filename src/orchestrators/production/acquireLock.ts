import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';
import type { StageTracker } from '../stage/StageTracker.js';

/** How often a waiting release looks at the lock again. */
export const lockPollIntervalMs = 30_000;

/** Who takes the production lock of `site`. */
export interface LockRequest {
  site: string;
  /** The `productionRelease` instance id the lock is held for. */
  holder: string;
  releaseId: string;
}

/**
 * Waits until `request.holder` holds the production lock of its site. While another release
 * holds it, `onWait` gets that release and the next look is after {@link lockPollIntervalMs}
 * on a durable timer.
 */
export function* takeProductionLock(
  context: OrchestrationContext,
  request: LockRequest,
  onWait: (heldBy: string) => void,
): Generator<Task, void, unknown> {
  for (;;) {
    const attempt = yield* callActivity(context, 'tryAcquireLock', request);
    if (attempt.acquired) return;
    onWait(attempt.heldBy);
    yield context.df.createTimer(inMs(context, lockPollIntervalMs));
  }
}

/**
 * Waits until this `productionRelease` instance holds the production lock of `site` (see
 * {@link takeProductionLock}). While another release holds it, the stage's custom status says
 * `waitingForLock`.
 */
export function* acquireLock(
  context: OrchestrationContext,
  site: string,
  releaseId: string,
  tracker: StageTracker,
): Generator<Task, void, unknown> {
  yield* takeProductionLock(
    context,
    { site, holder: context.df.instanceId, releaseId },
    (heldBy) => {
      tracker.step(`waiting for the production lock of ${site} (held by ${heldBy})`, {
        waitingForLock: { site, heldBy },
      });
    },
  );
}
