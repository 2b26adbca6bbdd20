import type { OrchestrationContext, Task } from 'durable-functions';

import { type CanaryResult, type CanaryStepView, decideStep } from '../../domain/canary/index.js';
import { callActivity } from '../calls/callActivity.js';
import { pollCancel } from '../calls/cancelChecks.js';
import { nowIso, nowMs } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import type { RollbackCause } from '../monitor/rollBack.js';
import { abortCanary } from './abortCanary.js';
import { cancelCause } from './CanaryEvents.js';
import { CanaryRun } from './CanaryRun.js';
import { judge, type StepEnd, takeInterruption } from './judgeStep.js';

/** Samples a finished step keeps in the status (the running one keeps maxStepSamples). */
const pastStepSamples = 2;
/** A wait for a promote is re-armed daily (it waits indefinitely). */
const promotionGuardMs = 24 * 3_600_000;

/**
 * `canaryRelease` (instance `${releaseId}-canary`): sends each step's share of production
 * traffic to the slot that runs the new digest (App Service routing rules), judges the slot's
 * own traffic every monitor interval with the monitor's thresholds and `failureLimit`, and
 * after the step's duration goes on (a step with no passing sample is inconclusive: the
 * monitor's `inconclusive` policy continues, aborts or waits for a promote). `pauseForApproval`
 * waits for `POST /promote` after every step; a promote also ends a running step early. A
 * breach, failing probe, alert, manual rollback or cancel aborts at once: share 0 %, RolledBack
 * (see abortCanary). After the last step the rule is cleared and the canary returns
 * `promoted`: the parent swaps. Every outcome leaves no rule for the slot.
 */
export function* canaryRelease(
  context: OrchestrationContext,
): Generator<Task, CanaryResult, unknown> {
  const run = new CanaryRun(context);
  run.publish('starting the canary');
  try {
    for (const [index, step] of run.steps.entries()) {
      const end = yield* runStep(context, run, index, step);
      if (end.kind === 'abort') return yield* abort(context, run, end.cause);
      if (end.kind === 'promoted') {
        if (step.status === 'running') {
          step.status = 'passed';
          step.finishedAt = nowIso(context);
        }
        step.promotedBy = end.by;
      }
      // Past steps keep their last samples only: ten steps stay well under 16 KB of status.
      step.samples = step.samples.slice(-pastStepSamples);
    }
    const last = run.events.takeAbort();
    if (last !== undefined) return yield* abort(context, run, last);
    return yield* clearAndPromote(context, run);
  } catch (error) {
    // A read or write failed for good: never leave the rule behind.
    return yield* abort(context, run, {
      trigger: 'breach',
      reason: `canary could not go on: ${failureReason(error)}`,
      evidence: { error: failureReason(error) },
      detectedAt: nowIso(context),
      actor: 'slotpilot',
    });
  }
}

/** One step: route its share, judge it for its duration, then apply the step's verdict. */
function* runStep(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  step: CanaryStepView,
): Generator<Task, StepEnd, unknown> {
  const early = yield* route(context, run, index, step);
  if (early !== undefined) return early;
  const end = yield* judge(context, run, index, step);
  return end.kind === 'ran' ? yield* closeStep(context, run, index, step) : end;
}

/** Routes the step's share to the slot, unless an abort or a recorded cancel came first. */
function* route(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  step: CanaryStepView,
): Generator<Task, StepEnd | undefined, unknown> {
  const early = run.events.takeAbort();
  if (early !== undefined) return { kind: 'abort', cause: early };
  // A cancel the release recorded before this canary could be reached by the API.
  const { input, view } = run;
  const recorded = yield* pollCancel(context, input.releaseId);
  if (recorded !== undefined) {
    return { kind: 'abort', cause: cancelCause(recorded, nowIso(context)) };
  }
  view.step = index;
  view.state = 'routing';
  step.status = 'running';
  run.publish(`routing ${step.percent}% of production traffic to ${input.slot}`);
  const share = { site: input.site, slot: input.slot, percent: step.percent };
  yield* callActivity(context, 'canarySetShare', share, sideEffectRetry);
  view.percent = step.percent;
  view.state = 'judging';
  step.startedAt = nowIso(context);
  return undefined;
}

/**
 * A step that ran its duration: its verdict, then the `inconclusive` policy (abort or wait
 * for a promote) or `pauseForApproval` (wait for a promote).
 */
function* closeStep(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  step: CanaryStepView,
): Generator<Task, StepEnd, unknown> {
  const verdict = decideStep(step.samples);
  step.status = verdict;
  step.finishedAt = nowIso(context);
  const policy = run.input.monitor.inconclusive;
  if (verdict === 'inconclusive' && policy === 'rollback') {
    const cause: RollbackCause = {
      trigger: 'inconclusive',
      reason: `canary step ${index + 1} (${step.percent}%) inconclusive: no sample passed`,
      evidence: { step: index + 1, percent: step.percent, samples: step.samples },
      detectedAt: nowIso(context),
      actor: 'slotpilot',
    };
    return { kind: 'abort', cause };
  }
  if (verdict === 'inconclusive' && policy === 'pause') {
    return yield* awaitPromotion(
      context,
      run,
      index,
      'inconclusive step (too little canary traffic)',
    );
  }
  if (run.input.canary.pauseForApproval) {
    return yield* awaitPromotion(context, run, index, `${verdict}; pauseForApproval`);
  }
  return { kind: 'ran' };
}

/** Waits for a promote of step `index` (or an abort). */
function* awaitPromotion(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  reason: string,
): Generator<Task, StepEnd, unknown> {
  const { view } = run;
  view.state = 'waitingForPromotion';
  view.waitingForPromotion = { step: index, since: nowIso(context), reason };
  const percent = run.steps[index]?.percent ?? 0;
  run.publish(`step ${index + 1} (${percent}%): ${reason}; waiting for a promote`);
  for (;;) {
    const end = takeInterruption(run, index);
    if (end?.kind === 'promoted') delete view.waitingForPromotion;
    if (end !== undefined) return end;
    yield* run.wait(nowMs(context) + promotionGuardMs);
  }
}

/** Every step passed: clears the routing rule (share 0 %) so the parent can swap. */
function* clearAndPromote(
  context: OrchestrationContext,
  run: CanaryRun,
): Generator<Task, CanaryResult, unknown> {
  const { input, view } = run;
  view.state = 'swapping';
  run.publish(`all ${run.steps.length} steps passed: clearing the routing rule before the swap`);
  const share = { site: input.site, slot: input.slot, percent: 0 };
  yield* callActivity(context, 'canarySetShare', share, sideEffectRetry);
  view.percent = 0;
  view.state = 'promoted';
  run.publish('canary promoted: swapping');
  return { outcome: 'promoted', steps: run.steps.length, endedAt: nowIso(context) };
}

/** Aborts the canary for `cause` (share 0 %), marking the running step failed or aborted. */
function* abort(
  context: OrchestrationContext,
  run: CanaryRun,
  cause: RollbackCause,
): Generator<Task, CanaryResult, unknown> {
  const { view } = run;
  view.state = 'aborted';
  const current = run.steps[view.step];
  if (current !== undefined && current.status === 'running') {
    const failed = cause.trigger === 'breach' || cause.trigger === 'health';
    current.status = failed ? 'failed' : 'aborted';
    current.finishedAt = nowIso(context);
  }
  delete view.waitingForPromotion;
  const result = yield* abortCanary(context, run.input, cause, (progress, step) => {
    run.rollback = progress;
    if (progress.swapBackCompletedAt !== undefined) {
      view.percent = 0;
      run.status = 'RolledBack';
    }
    run.publish(step);
  });
  if (result.outcome === 'abortFailed') {
    run.status = 'Failed';
    run.publish(`abort failed: ${result.error}`);
  }
  return result;
}
