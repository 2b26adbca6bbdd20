import type { OrchestrationContext, Task } from 'durable-functions';

import type { MonitorInput } from '../../domain/monitor/contract.js';
import { manualRollbackCommand, type RollbackStop } from '../../domain/monitor/manualRollback.js';
import { nowIso } from '../calls/clock.js';
import type { RollbackCause, RollbackOutcome, RollbackView } from './RollbackCause.js';
import { type PageSubject, RollbackRetries } from './RollbackRetries.js';
import { swapBackAndVerify, type SwapBackEnd } from './swapBack.js';
import { tellRollback } from './tellRollback.js';

export {
  requestedRollback,
  type RollbackCause,
  type RollbackOutcome,
  type RollbackView,
} from './RollbackCause.js';

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
  const swapping = (step: string): void => options.publish(view, step, 'swapping');
  const retries = new RollbackRetries(context, pageSubject(target), swapping);
  const end = yield* swapBackAndVerify(context, target, retries, swapping);
  if (end.refused && options.onRefused === 'return') {
    return { outcome: 'refused', error: end.error ?? '' };
  }
  const command = commandFrom(target, end.stop);
  const outcome = rollbackOutcome(cause, view, decidedAt, nowIso(context), { ...end, command });
  if (outcome.outcome === 'rolledBack') {
    const done = { ...view, swapBackCompletedAt: outcome.swapBackCompletedAt };
    options.publish(done, 'rolled back', 'rolledBack');
  } else {
    options.publish(
      { ...view, evidence: { ...view.evidence, error: outcome.error } },
      `rollback failed: ${outcome.error}; to finish it by hand run: ${outcome.command ?? ''}`,
      'failed',
    );
  }
  yield* tellRollback(context, target, cause, outcome);
  return outcome;
}

/** The `az` command that finishes the rollback by hand from `stop`. */
function commandFrom(target: Omit<MonitorInput, 'carry'>, stop: RollbackStop): string {
  return manualRollbackCommand({
    site: target.site,
    slot: target.slot,
    image: target.image,
    previousDigest: target.previousDigest,
    stop,
  });
}

/** Who and where the held-up pages are about. */
function pageSubject(target: Omit<MonitorInput, 'carry'>): PageSubject {
  return {
    releaseId: target.releaseId,
    pipeline: target.pipeline,
    stage: target.stage,
    image: target.image,
    command: commandFrom(target, 'notSwapped'),
  };
}

/** The outcome of a rollback whose swap back ended as `end`, completed at `completedAt`. */
function rollbackOutcome(
  cause: RollbackCause,
  view: RollbackView,
  decidedAt: string,
  completedAt: string,
  end: SwapBackEnd & { command: string },
): Extract<RollbackOutcome, { outcome: 'rolledBack' | 'rollbackFailed' }> {
  const common = {
    trigger: cause.trigger,
    reason: cause.reason,
    evidence: view.evidence,
    detectedAt: cause.detectedAt,
    decidedAt,
  };
  if (end.error === undefined) {
    return { outcome: 'rolledBack', ...common, swapBackCompletedAt: completedAt };
  }
  return { outcome: 'rollbackFailed', ...common, error: end.error, command: end.command };
}
