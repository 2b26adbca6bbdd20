import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityOutput, SwapHandle } from '../../activities/contracts.js';
import { inMs, nowMs } from './clock.js';

/** One look at a swap: `pollSwap` (or `monitorPollSwapBack`) with the caller's retries. */
export type PollSwap = (handle: SwapHandle) => Generator<Task, ActivityOutput<'pollSwap'>, unknown>;

/** How a polled swap ended. */
export type SwapEnd =
  { kind: 'succeeded' } | { kind: 'failed'; detail: string } | { kind: 'timedOut' };

/**
 * Polls a started swap between durable timers every `intervalMs` until it succeeds, fails,
 * or is still running after `deadlineMs` (epoch ms, orchestration clock). Azure re-signs the
 * poll URL on every 202, so each poll uses the newest handle. Used by the forward swap and
 * the swap back alike; `poll` says which activity name and which retries.
 */
export function* awaitSwap(
  context: OrchestrationContext,
  started: SwapHandle,
  options: { intervalMs: number; deadlineMs: number; poll: PollSwap },
): Generator<Task, SwapEnd, unknown> {
  let handle = started;
  for (;;) {
    yield context.df.createTimer(inMs(context, options.intervalMs));
    const progress = yield* options.poll(handle);
    if (progress.status === 'succeeded') return { kind: 'succeeded' };
    if (progress.status === 'failed') return { kind: 'failed', detail: progress.detail };
    handle = progress.handle ?? handle;
    if (nowMs(context) > options.deadlineMs) return { kind: 'timedOut' };
  }
}
