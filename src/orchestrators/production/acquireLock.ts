import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from '../calls/callActivity.js';
import { inMs, nowIso } from '../calls/clock.js';
import type { StageTracker } from '../stage/StageTracker.js';

/** How often a waiting release looks at the lock again. */
export const lockPollIntervalMs = 30_000;

/** First wait before looking again at a lock that has not verified its input yet (doubles). */
export const lockStartPollIntervalMs = 2_000;

/** Lock starts refused in a row before the holder gives up and fails (never runs unlocked). */
export const maxLockRefusals = 3;

/** Who takes the production lock of `site`. */
export interface LockRequest {
  site: string;
  /** The `productionRelease` instance id the lock is held for. */
  holder: string;
  releaseId: string;
}

/**
 * Waits until `request.holder` holds the production lock of its site: the lock runs under the
 * holder and has verified its input. Each acquisition names itself with the orchestration
 * clock (`requestedAt`, kept while the lock it started is still verifying), so taking the lock
 * again after it ended is a new sealed start. While another release holds it, `onWait` gets
 * that release and the next look is after {@link lockPollIntervalMs} on a durable timer. A
 * lock start refused {@link maxLockRefusals} times in a row throws: the caller fails rather
 * than run production unlocked.
 */
export function* takeProductionLock(
  context: OrchestrationContext,
  request: LockRequest,
  onWait: (heldBy: string) => void,
): Generator<Task, void, unknown> {
  let requestedAt = nowIso(context);
  let refusals = 0;
  let starting = 0;
  for (;;) {
    const attempt = yield* callActivity(context, 'tryAcquireLock', { ...request, requestedAt });
    if (attempt.acquired) return;
    let waitMs = lockPollIntervalMs;
    if ('starting' in attempt) {
      starting += 1;
      waitMs = Math.min(lockStartPollIntervalMs * 2 ** (starting - 1), lockPollIntervalMs);
    } else {
      starting = 0;
      if ('refused' in attempt) {
        refusals += 1;
        if (refusals >= maxLockRefusals) {
          throw new Error(
            `the production lock of ${request.site} refused to start ${refusals} times ` +
              `(last: ${attempt.refused}); not releasing to production without it`,
          );
        }
        waitMs = lockStartPollIntervalMs;
      } else {
        refusals = 0;
        onWait(attempt.heldBy);
      }
    }
    yield context.df.createTimer(inMs(context, waitMs));
    // A new acquisition unless the lock this one started is still verifying its input.
    if (starting === 0) requestedAt = nowIso(context);
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
