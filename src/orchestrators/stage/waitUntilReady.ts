import type { OrchestrationContext, Task } from 'durable-functions';

import type { CheckSiteOutput, TargetRef } from '../../activities/contracts.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs, nowMs } from '../calls/clock.js';
import { lookRetry } from '../calls/RetryPolicy.js';

/** What to wait for and how long. */
export interface ReadyWait {
  target: TargetRef;
  digest: string;
  path: string;
  expectStatus: number;
  timeoutMs: number;
  /** Pause between looks (durable timer). */
  intervalMs: number;
}

/** How long one probe may take. */
const probeTimeoutMs = 10_000;

/**
 * Looks at the site until it runs the digest and answers healthy, waiting with durable
 * timers between short activities. Returns the last look; `ready` false after the timeout.
 * A look that fails transiently (ARM throttling) is retried until the wait's deadline.
 */
export function* waitUntilReady(
  context: OrchestrationContext,
  wait: ReadyWait,
): Generator<Task, CheckSiteOutput, unknown> {
  const deadline = nowMs(context) + wait.timeoutMs;
  for (;;) {
    const look = yield* callActivity(
      context,
      'checkSite',
      {
        target: wait.target,
        digest: wait.digest,
        path: wait.path,
        expectStatus: wait.expectStatus,
        timeoutMs: Math.min(probeTimeoutMs, wait.timeoutMs),
      },
      lookRetry(deadline - nowMs(context)),
    );
    if (look.ready || nowMs(context) + wait.intervalMs > deadline) return look;
    yield context.df.createTimer(inMs(context, wait.intervalMs));
  }
}
