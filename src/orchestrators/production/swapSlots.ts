import type { OrchestrationContext, Task } from 'durable-functions';

import type { TargetRef } from '../../activities/contracts.js';
import { awaitSwap } from '../calls/awaitSwap.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs, nowMs } from '../calls/clock.js';
import { armRetry, untilDeadline } from '../calls/RetryPolicy.js';

/** The outcome of a swap. */
export interface SwapResult {
  ok: boolean;
  /** `alreadySwapped` when production already ran the digest (nothing was swapped). */
  detail: string;
}

/**
 * How often a forward swap is polled. Azure takes about a minute to swap (it warms the slot
 * first) and completes it whether polled or not; each poll is a separately billed burst, so a
 * 10 s interval costs a fifth of 2 s polls and starts monitoring at most 8 s later.
 */
const swapPollIntervalMs = 10_000;
const swapTimeoutMs = 15 * 60_000;

/**
 * Swaps the slot into production: `startSwap` checks which digest each side runs first (so a
 * swap never runs twice) and returns the poller state; `pollSwap` runs between durable
 * timers until the swap is done, failed, or out of time (`awaitSwap`, as the swap back does). Transient ARM failures (throttling,
 * 5xx) are retried for as long as the swap's own 15 minutes allow.
 */
export function* swapSlots(
  context: OrchestrationContext,
  target: TargetRef & { slot: string },
  digest: string,
): Generator<Task, SwapResult, unknown> {
  const started = yield* callActivity(context, 'startSwap', { target, digest }, armRetry);
  if (started.kind === 'alreadySwapped') return { ok: true, detail: 'alreadySwapped' };
  const deadline = nowMs(context) + swapTimeoutMs;
  if (started.kind === 'inProgress')
    return yield* awaitRunningSwap(context, target, digest, deadline);
  const end = yield* awaitSwap(context, started.handle, {
    intervalMs: swapPollIntervalMs,
    deadlineMs: deadline,
    poll: (handle) =>
      callActivity(
        context,
        'pollSwap',
        { handle },
        untilDeadline(Math.max(deadline - nowMs(context), armRetry.budgetMs ?? 0)),
      ),
  });
  if (end.kind === 'succeeded') return { ok: true, detail: 'swapped' };
  if (end.kind === 'failed') return { ok: false, detail: `swap failed: ${end.detail}` };
  return { ok: false, detail: 'swap did not finish in 15m' };
}

/** A swap started earlier is still running: wait until production runs `digest`. */
function* awaitRunningSwap(
  context: OrchestrationContext,
  target: TargetRef & { slot: string },
  digest: string,
  deadline: number,
): Generator<Task, SwapResult, unknown> {
  for (;;) {
    yield context.df.createTimer(inMs(context, swapPollIntervalMs));
    const slots = yield* callActivity(
      context,
      'readSlots',
      { target },
      untilDeadline(Math.max(deadline - nowMs(context), armRetry.budgetMs ?? 0)),
    );
    if (slots.productionDigest === digest) return { ok: true, detail: 'swapped (resumed)' };
    if (nowMs(context) > deadline) return { ok: false, detail: 'swap did not finish in 15m' };
  }
}
