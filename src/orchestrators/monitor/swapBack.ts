import type { OrchestrationContext, Task } from 'durable-functions';

import type { ActivityOutput } from '../../activities/contracts.js';
import type { MonitorInput } from '../../domain/monitor/contract.js';
import type { RollbackStop } from '../../domain/monitor/manualRollback.js';
import { awaitSwap } from '../calls/awaitSwap.js';
import { inMs, nowMs } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import type { RollbackRetries } from './RollbackRetries.js';

const swapPollMs = 2_000;
const busyWaitMs = 5_000;
const swapTimeoutMs = 15 * 60_000;
const verifyAttempts = 6;
const verifyGapMs = 5_000;

/** How the swap back and its verification ended: `error` unless production is back and proven. */
export interface SwapBackEnd {
  error?: string;
  /** The slot no longer ran the previous digest: nothing was changed. */
  refused: boolean;
  /** Where a person finishing it by hand starts. */
  stop: RollbackStop;
}

/**
 * Begins the swap back (waiting out a swap of the site already running), polls it and
 * verifies production; a non-retryable failure ends it with its reason.
 */
export function* swapBackAndVerify(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  retries: RollbackRetries,
  swapping: (step: string) => void,
): Generator<Task, SwapBackEnd, unknown> {
  const notSwapped = (error: string): SwapBackEnd => ({
    error,
    refused: false,
    stop: 'notSwapped',
  });
  try {
    const begin = yield* beginWhenFree(context, target, retries, swapping);
    if (begin.kind === 'busy') {
      return notSwapped(
        `a swap of the site kept running for ${swapTimeoutMs / 60_000} minutes: ${begin.detail}`,
      );
    }
    if (begin.kind === 'refused')
      return { error: begin.detail, refused: true, stop: 'slotChanged' };
    if (begin.kind === 'started') {
      swapping(`swapping ${target.slot} back into production`);
      const end = yield* awaitSwap(context, begin.handle, {
        intervalMs: swapPollMs,
        deadlineMs: nowMs(context) + swapTimeoutMs,
        poll: (handle) => retries.call('monitorPollSwapBack', { handle }),
      });
      if (end.kind === 'failed') return notSwapped(`swap back failed: ${end.detail}`);
      if (end.kind === 'timedOut') {
        return notSwapped(`swap back still running after ${swapTimeoutMs / 60_000} minutes`);
      }
    }
    const unverified = yield* verify(context, target, retries);
    if (unverified !== undefined) return { error: unverified, refused: false, stop: 'notVerified' };
    return { refused: false, stop: 'notSwapped' };
  } catch (caught) {
    return notSwapped(failureReason(caught));
  }
}

/**
 * Begins the swap back; while another swap of the site runs (one started by a crashed
 * attempt), waits it out and looks again, for up to the swap timeout counted once it was
 * seen running (not retries).
 */
function* beginWhenFree(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  retries: RollbackRetries,
  swapping: (step: string) => void,
): Generator<Task, ActivityOutput<'monitorBeginSwapBack'>, unknown> {
  const request = {
    releaseId: target.releaseId,
    site: target.site,
    slot: target.slot,
    previousDigest: target.previousDigest,
    newDigest: target.newDigest,
  };
  let begin = yield* retries.call('monitorBeginSwapBack', request);
  const busySince = nowMs(context);
  while (begin.kind === 'busy' && nowMs(context) < busySince + swapTimeoutMs) {
    swapping(`waiting for a running swap: ${begin.detail}`);
    yield context.df.createTimer(inMs(context, busyWaitMs));
    begin = yield* retries.call('monitorBeginSwapBack', request);
  }
  return begin;
}

/** Verifies production serves the previous digest, giving the restart a little time. */
function* verify(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  retries: RollbackRetries,
): Generator<Task, string | undefined, unknown> {
  let detail = '';
  for (let attempt = 1; attempt <= verifyAttempts; attempt += 1) {
    const result = yield* retries.call('monitorVerifyProduction', {
      site: target.site,
      digest: target.previousDigest,
      healthPath: target.plan.health.path,
      timeoutMs: target.plan.health.timeoutMs,
    });
    if (result.ok) return undefined;
    detail = result.detail;
    if (attempt < verifyAttempts) {
      yield context.df.createTimer(inMs(context, verifyGapMs));
    }
  }
  return `verification failed: ${detail}`;
}
