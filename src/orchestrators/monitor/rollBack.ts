import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  MonitorInput,
  MonitorResult,
  RollbackTrigger,
} from '../../domain/monitor/contract.js';
import { manualRollbackCommand, type RollbackStop } from '../../domain/monitor/manualRollback.js';
import type { ReleaseCustomStatus, RollbackRequest } from '../../domain/release/contract.js';
import { callActivity } from '../calls/callActivity.js';
import { nowIso } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import { RollbackRetries } from './RollbackRetries.js';

/** Why a rollback happens, as decided by the monitor or asked by a person or an alert. */
export interface RollbackCause {
  trigger: RollbackTrigger;
  reason: string;
  evidence: Record<string, unknown>;
  /** ISO time the problem was first seen. */
  detectedAt: string;
  /** Who asked (manual/alert) or `slotpilot`. */
  actor: string;
}

/**
 * The cause of a rollback a person or an alert asked for. Its detection time is on the
 * orchestration's clock like the decision and swap-back times: a manual request is detected
 * when Slotpilot receives it (`receivedAt`), an alert when Azure Monitor fired it if that was
 * earlier. The API's own time of the request stays in the evidence as `requestedAt`.
 */
export function requestedRollback(request: RollbackRequest, receivedAt: string): RollbackCause {
  const firedEarlier = request.source === 'alert' && request.at < receivedAt;
  return {
    trigger: request.source,
    reason: request.reason,
    evidence: {
      source: request.source,
      requestedBy: request.by,
      requestedAt: request.at,
      ...(request.evidence ?? {}),
    },
    detectedAt: firedEarlier ? request.at : receivedAt,
    actor: request.by,
  };
}

/** The `rollback` part of the release view while and after rolling back. */
export type RollbackView = NonNullable<ReleaseCustomStatus['rollback']>;

/** What rolling back ended in; `refused` only when the caller asked to get it back. */
export type RollbackOutcome =
  | Extract<MonitorResult, { outcome: 'rolledBack' | 'rollbackFailed' }>
  | { outcome: 'refused'; error: string };

/** Where a rollback stands: decided (checking the slots), swapping, or over. */
export type RollbackPhase = 'decided' | 'swapping' | 'rolledBack' | 'failed';

/** Options of {@link rollBack}. */
export interface RollbackOptions {
  /** Called with the rollback part of the view whenever it changes, and where it stands. */
  publish: (view: RollbackView, step: string, phase: RollbackPhase) => void;
  /**
   * `fail`: a refused swap back is a failed rollback (critical alert, audit); `return`: it is
   * handed back untouched as `refused` (a manual request after the window gets a 409).
   */
  onRefused: 'fail' | 'return';
}

const swapPollMs = 2_000;
const busyWaitMs = 5_000;
const swapTimeoutMs = 15 * 60_000;
const verifyAttempts = 6;
const verifyGapMs = 5_000;

/**
 * Swaps the previous version back into production and proves it: swap back only if the slot
 * still runs the previous digest (never twice), poll the swap between durable timers, verify
 * production runs and serves the previous digest, then send the critical notification with
 * the evidence and write the audit record. Records detected, decided and swap-back-complete
 * times. Notification and audit are best effort: they never change the outcome.
 * A safety action must not fail unsafe: transient failures of the swap back (throttling,
 * outages) are retried until they pass, paging the critical channel while they last
 * ({@link RollbackRetries}); only a non-transient failure fails the rollback, and its
 * notification names the `az` command that finishes it by hand.
 */
export function* rollBack(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  cause: RollbackCause,
  options: RollbackOptions,
): Generator<Task, RollbackOutcome, unknown> {
  const decidedAt = nowIso(context);
  const view: RollbackView = {
    reason: cause.reason,
    evidence: { trigger: cause.trigger, ...cause.evidence },
    at: decidedAt,
    detectedAt: cause.detectedAt,
    decidedAt,
  };
  options.publish(view, `rolling back: ${cause.reason}`, 'decided');

  let error: string | undefined;
  let refused = false;
  let stop: RollbackStop = 'notSwapped';
  const command = (at: RollbackStop): string =>
    manualRollbackCommand({
      site: target.site,
      slot: target.slot,
      image: target.image,
      previousDigest: target.previousDigest,
      stop: at,
    });
  const retries = new RollbackRetries(
    context,
    {
      releaseId: target.releaseId,
      pipeline: target.pipeline,
      stage: target.stage,
      image: target.image,
      command: command('notSwapped'),
    },
    (step) => options.publish(view, step, 'swapping'),
  );
  try {
    const request = {
      releaseId: target.releaseId,
      site: target.site,
      slot: target.slot,
      previousDigest: target.previousDigest,
      newDigest: target.newDigest,
    };
    let begin = yield* retries.call('monitorBeginSwapBack', request);
    // Deadlines bound how long a swap runs, counted once it was seen running (not retries).
    const busySince = context.df.currentUtcDateTime.getTime();
    while (
      begin.kind === 'busy' &&
      context.df.currentUtcDateTime.getTime() < busySince + swapTimeoutMs
    ) {
      // Another swap of the site runs (one started by a crashed attempt): wait it out, look again.
      options.publish(view, `waiting for a running swap: ${begin.detail}`, 'swapping');
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + busyWaitMs));
      begin = yield* retries.call('monitorBeginSwapBack', request);
    }
    if (begin.kind === 'busy') {
      error = `a swap of the site kept running for ${swapTimeoutMs / 60_000} minutes: ${begin.detail}`;
    } else if (begin.kind === 'refused') {
      error = begin.detail;
      refused = true;
      stop = 'slotChanged';
    } else if (begin.kind === 'started') {
      options.publish(view, `swapping ${target.slot} back into production`, 'swapping');
      let handle = begin.handle;
      const deadline = context.df.currentUtcDateTime.getTime() + swapTimeoutMs;
      for (;;) {
        yield context.df.createTimer(
          new Date(context.df.currentUtcDateTime.getTime() + swapPollMs),
        );
        const progress = yield* retries.call('monitorPollSwapBack', { handle });
        if (progress.status === 'succeeded') break;
        if (progress.status === 'failed') {
          error = `swap back failed: ${progress.detail}`;
          break;
        }
        // Azure re-signs the poll URL on every 202: poll with the newest handle.
        if (progress.status === 'running') handle = progress.handle ?? handle;
        if (context.df.currentUtcDateTime.getTime() > deadline) {
          error = `swap back still running after ${swapTimeoutMs / 60_000} minutes`;
          break;
        }
      }
    }
    if (error === undefined) {
      error = yield* verify(context, target, retries);
      if (error !== undefined) stop = 'notVerified';
    }
  } catch (caught) {
    error = failureReason(caught);
  }

  if (refused && options.onRefused === 'return') return { outcome: 'refused', error: error ?? '' };

  const completedAt = nowIso(context);
  const outcome: RollbackOutcome =
    error === undefined
      ? {
          outcome: 'rolledBack',
          trigger: cause.trigger,
          reason: cause.reason,
          evidence: view.evidence,
          detectedAt: cause.detectedAt,
          decidedAt,
          swapBackCompletedAt: completedAt,
        }
      : {
          outcome: 'rollbackFailed',
          trigger: cause.trigger,
          reason: cause.reason,
          evidence: view.evidence,
          detectedAt: cause.detectedAt,
          decidedAt,
          error,
          command: command(stop),
        };
  if (outcome.outcome === 'rolledBack') {
    options.publish({ ...view, swapBackCompletedAt: completedAt }, 'rolled back', 'rolledBack');
  } else {
    options.publish(
      { ...view, evidence: { ...view.evidence, error } },
      `rollback failed: ${error}; to finish it by hand run: ${command(stop)}`,
      'failed',
    );
  }
  yield* tell(context, target, cause, outcome);
  return outcome;
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
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + verifyGapMs));
    }
  }
  return `verification failed: ${detail}`;
}

/** Critical notification and audit record of the outcome (best effort). */
function* tell(
  context: OrchestrationContext,
  target: Omit<MonitorInput, 'carry'>,
  cause: RollbackCause,
  outcome: Extract<RollbackOutcome, { outcome: 'rolledBack' | 'rollbackFailed' }>,
): Generator<Task, void, unknown> {
  const times = {
    detectedAt: outcome.detectedAt,
    decidedAt: outcome.decidedAt,
    ...(outcome.outcome === 'rolledBack' && { swapBackCompletedAt: outcome.swapBackCompletedAt }),
  };
  try {
    yield* callActivity(
      context,
      'monitorNotifyRollback',
      {
        releaseId: target.releaseId,
        pipeline: target.pipeline,
        stage: target.stage,
        image: target.image,
        outcome: outcome.outcome,
        trigger: cause.trigger,
        reason: cause.reason,
        evidence: outcome.evidence,
        ...times,
        ...(outcome.outcome === 'rollbackFailed' && {
          error: outcome.error,
          ...(outcome.command !== undefined && { command: outcome.command }),
        }),
      },
      sideEffectRetry,
    );
  } catch {
    // Best effort: the audit record below still tells what happened.
  }
  try {
    yield* callActivity(
      context,
      'monitorAudit',
      {
        eventId: `${target.releaseId}:${outcome.outcome}`,
        releaseId: target.releaseId,
        pipeline: target.pipeline,
        stage: target.stage,
        at: nowIso(context),
        type: outcome.outcome === 'rolledBack' ? 'rolled back' : 'rollback failed',
        actor: cause.actor,
        detail: {
          trigger: cause.trigger,
          reason: cause.reason,
          evidence: outcome.evidence,
          previousDigest: target.previousDigest,
          newDigest: target.newDigest,
          ...times,
          ...(outcome.outcome === 'rollbackFailed' && {
            error: outcome.error,
            ...(outcome.command !== undefined && { command: outcome.command }),
          }),
        },
      },
      sideEffectRetry,
    );
  } catch {
    // Best effort: a failed audit write never undoes a rollback.
  }
}
