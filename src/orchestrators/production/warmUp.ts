import type { OrchestrationContext, Task } from 'durable-functions';

import type { TargetRef } from '../../activities/contracts.js';
import type { PlannedStage } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs, nowMs } from '../calls/clock.js';
import { lookRetry } from '../calls/RetryPolicy.js';
import type { StageTracker } from '../stage/StageTracker.js';

/** The outcome of a warm-up. */
export interface WarmUpResult {
  ok: boolean;
  detail: string;
}

type Warmup = NonNullable<PlannedStage['warmup']>;

/**
 * Probes the slot's own host name at the warm-up interval until it answered healthy
 * `successes` times in a row (serving `digest`); fails after the warm-up timeout. Each probe
 * is one short activity; the waits between them are durable timers. Runs after `deployImage`,
 * whose restart fence (stop, configure, start) leaves no older container to answer: every
 * probe counted here reached a container started with the digest.
 */
export function* warmUp(
  context: OrchestrationContext,
  target: TargetRef,
  digest: string,
  warmup: Warmup,
  tracker: StageTracker,
): Generator<Task, WarmUpResult, unknown> {
  const deadline = nowMs(context) + warmup.timeoutMs;
  let streak = 0;
  let last = 'no probe yet';
  for (;;) {
    const look = yield* callActivity(
      context,
      'checkSite',
      {
        target,
        digest,
        path: warmup.path,
        expectStatus: 200,
        timeoutMs: Math.min(10_000, warmup.intervalMs * 5),
      },
      lookRetry(deadline - nowMs(context)),
    );
    streak = look.ready ? streak + 1 : 0;
    last = look.detail;
    tracker.step(`warming up slot ${target.slot ?? 'production'} (${streak}/${warmup.successes})`);
    if (streak >= warmup.successes) {
      return { ok: true, detail: `${streak} consecutive healthy responses` };
    }
    if (nowMs(context) + warmup.intervalMs > deadline) {
      return { ok: false, detail: `warm-up timed out with ${streak}/${warmup.successes}: ${last}` };
    }
    yield context.df.createTimer(inMs(context, warmup.intervalMs));
  }
}
