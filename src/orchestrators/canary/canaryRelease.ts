import type { OrchestrationContext, Task } from 'durable-functions';

import {
  assessCanarySample,
  type CanaryCustomStatus,
  type CanaryInput,
  type CanaryResult,
  type CanaryStepView,
  type CanaryView,
  decideStep,
  maxStepSamples,
  metricsWindow,
  type PromoteRequest,
} from '../../domain/canary/index.js';
import { type BreachRun, decideTick } from '../../domain/monitor/decideTick.js';
import { toSampleView } from '../../domain/monitor/toSampleView.js';
import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import { callActivity } from '../calls/callActivity.js';
import { pollCancel } from '../calls/cancelChecks.js';
import { failureReason } from '../calls/failureReason.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import type { RollbackCause } from '../monitor/rollBack.js';
import { abortCanary, type AbortProgress } from './abortCanary.js';
import { CanaryEvents, cancelCause } from './CanaryEvents.js';

/** Platform metrics of a minute are complete about a minute later. */
const metricsDelayMs = 60_000;
/** Samples a finished step keeps in the status (the running one keeps maxStepSamples). */
const pastStepSamples = 2;
/** A wait for a promote is re-armed daily (it waits indefinitely). */
const promotionGuardMs = 24 * 3_600_000;
const source =
  'App Service platform metrics of the slot resource (Requests, Http5xx, average HttpResponseTime held against the p95 threshold) and the slot health probe';

/** How a step ended: it ran its duration, was promoted early, or the canary must abort. */
type StepEnd =
  { kind: 'ran' } | { kind: 'promoted'; by: string } | { kind: 'abort'; cause: RollbackCause };

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
  const input = context.df.getInput<CanaryInput>();
  const plan = input.canary;
  const monitor = input.monitor;
  const steps: CanaryStepView[] = plan.stepsPercent.map((percent) => ({
    percent,
    status: 'pending',
    samples: [],
  }));
  const view: CanaryView = { step: 0, percent: 0, state: 'routing', steps, source };
  const promotions: CanaryCustomStatus['promotions'] = {};
  let rollback: AbortProgress | undefined;
  let status: CanaryCustomStatus['status'];
  const publish = (step: string): void => {
    const custom: CanaryCustomStatus = {
      step,
      updatedAt: context.df.currentUtcDateTime.toISOString(),
      canary: view,
      promotions,
      ...(rollback !== undefined && { rollback }),
      ...(status !== undefined && { status }),
    };
    context.df.setCustomStatus(boundCustomStatus(custom));
  };
  const events = new CanaryEvents(context);
  const now = (): number => context.df.currentUtcDateTime.getTime();
  const iso = (): string => context.df.currentUtcDateTime.toISOString();
  const accept = (step: number, promote: PromoteRequest): void => {
    promotions[String(step)] = { requestId: promote.requestId, by: promote.by, at: promote.at };
  };

  const abort = function* (cause: RollbackCause): Generator<Task, CanaryResult, unknown> {
    view.state = 'aborted';
    const current = steps[view.step];
    if (current !== undefined && current.status === 'running') {
      current.status =
        cause.trigger === 'breach' || cause.trigger === 'health' ? 'failed' : 'aborted';
      current.finishedAt = iso();
    }
    delete view.waitingForPromotion;
    const result = yield* abortCanary(context, input, cause, (progress, step) => {
      rollback = progress;
      if (progress.swapBackCompletedAt !== undefined) {
        view.percent = 0;
        status = 'RolledBack';
      }
      publish(step);
    });
    if (result.outcome === 'abortFailed') {
      status = 'Failed';
      publish(`abort failed: ${result.error}`);
    }
    return result;
  };

  /** Races the events against a timer at `atMs`; true when the timer fired. */
  const wait = function* (atMs: number): Generator<Task, boolean, unknown> {
    const timer = context.df.createTimer(new Date(atMs));
    const winner = yield context.df.Task.any([...events.waits(), timer]);
    if (winner === timer) return true;
    timer.cancel();
    return false;
  };

  /** Waits for a promote of step `index` (or an abort). */
  const awaitPromotion = function* (
    index: number,
    reason: string,
  ): Generator<Task, StepEnd, unknown> {
    view.state = 'waitingForPromotion';
    view.waitingForPromotion = { step: index, since: iso(), reason };
    publish(`step ${index + 1} (${steps[index]?.percent ?? 0}%): ${reason}; waiting for a promote`);
    for (;;) {
      const cause = events.takeAbort();
      if (cause !== undefined) return { kind: 'abort', cause };
      const promote = events.takePromote(index);
      if (promote !== undefined) {
        accept(index, promote);
        delete view.waitingForPromotion;
        return { kind: 'promoted', by: promote.by };
      }
      yield* wait(now() + promotionGuardMs);
    }
  };

  /** Routes the step's share, then judges it until its duration ends, a promote or an abort. */
  const runStep = function* (
    index: number,
    step: CanaryStepView,
  ): Generator<Task, StepEnd, unknown> {
    const early = events.takeAbort();
    if (early !== undefined) return { kind: 'abort', cause: early };
    // A cancel the release recorded before this canary could be reached by the API.
    const recorded = yield* pollCancel(context, input.releaseId);
    if (recorded !== undefined) return { kind: 'abort', cause: cancelCause(recorded, iso()) };
    view.step = index;
    view.state = 'routing';
    step.status = 'running';
    publish(`routing ${step.percent}% of production traffic to ${input.slot}`);
    yield* callActivity(
      context,
      'canarySetShare',
      {
        site: input.site,
        slot: input.slot,
        percent: step.percent,
      },
      sideEffectRetry,
    );
    view.percent = step.percent;
    view.state = 'judging';
    step.startedAt = iso();
    const endMs = now() + plan.stepDurationMs;
    let nextSampleMs = now() + monitor.intervalMs;
    let run: BreachRun = { consecutiveBreaches: 0 };
    publish(`step ${index + 1}/${steps.length}: ${step.percent}% to ${input.slot}`);
    for (;;) {
      const atMs = Math.min(nextSampleMs, endMs);
      const fired = yield* wait(atMs);
      const cause = events.takeAbort();
      if (cause !== undefined) return { kind: 'abort', cause };
      const promote = events.takePromote(index);
      if (promote !== undefined) {
        accept(index, promote);
        return { kind: 'promoted', by: promote.by };
      }
      if (!fired) continue;
      if (atMs >= nextSampleMs) {
        nextSampleMs += monitor.intervalMs;
        const window = metricsWindow(
          step.startedAt,
          context.df.currentUtcDateTime,
          monitor.lookbackMs,
          metricsDelayMs,
        );
        const read = yield* callActivity(
          context,
          'canarySample',
          {
            site: input.site,
            slot: input.slot,
            ...(window !== undefined && { window }),
            healthPath: monitor.health.path,
            timeoutMs: monitor.health.timeoutMs,
          },
          sideEffectRetry,
        );
        // One sample per interval on the step's grid: slots that passed while the sample ran
        // (or the host was down) are skipped, not caught up back to back.
        while (nextSampleMs <= now()) nextSampleMs += monitor.intervalMs;
        const verdict = assessCanarySample(
          { at: iso(), ...(window !== undefined && { window }), ...read },
          monitor.thresholds,
          plan.maxErrorRateIncrease,
        );
        step.samples = [...step.samples, toSampleView(verdict)].slice(-maxStepSamples);
        // The inconclusive policy applies to the whole step (a step's first minutes at a
        // small share are always short of requests), so samples only count breaches here.
        const decision = decideTick(run, verdict, { ...monitor, inconclusive: 'continue' });
        run = decision.run;
        publish(
          `step ${index + 1}/${steps.length}: ${step.percent}% to ${input.slot}, ${verdict.verdict}`,
        );
        if (decision.action === 'rollback') {
          return {
            kind: 'abort',
            cause: {
              trigger: decision.trigger,
              reason: `canary step ${index + 1} (${step.percent}%): ${decision.reason}`,
              evidence: {
                ...verdict.evidence,
                step: index + 1,
                percent: step.percent,
                consecutiveBreaches: run.consecutiveBreaches,
              },
              detectedAt: decision.detectedAt,
              actor: 'slotpilot',
            },
          };
        }
      }
      if (now() >= endMs) return { kind: 'ran' };
    }
  };

  publish('starting the canary');
  try {
    for (const [index, step] of steps.entries()) {
      let end = yield* runStep(index, step);
      if (end.kind === 'ran') {
        const verdict = decideStep(step.samples);
        step.status = verdict;
        step.finishedAt = iso();
        if (verdict === 'inconclusive' && monitor.inconclusive === 'rollback') {
          end = {
            kind: 'abort',
            cause: {
              trigger: 'inconclusive',
              reason: `canary step ${index + 1} (${step.percent}%) inconclusive: no sample passed`,
              evidence: { step: index + 1, percent: step.percent, samples: step.samples },
              detectedAt: iso(),
              actor: 'slotpilot',
            },
          };
        } else if (verdict === 'inconclusive' && monitor.inconclusive === 'pause') {
          end = yield* awaitPromotion(index, 'inconclusive step (too little canary traffic)');
        } else if (plan.pauseForApproval) {
          end = yield* awaitPromotion(index, `${verdict}; pauseForApproval`);
        }
      }
      if (end.kind === 'abort') return yield* abort(end.cause);
      if (end.kind === 'promoted') {
        if (step.status === 'running') {
          step.status = 'passed';
          step.finishedAt = iso();
        }
        step.promotedBy = end.by;
      }
      // Past steps keep their last samples only: ten steps stay well under 16 KB of status.
      step.samples = step.samples.slice(-pastStepSamples);
    }
    const last = events.takeAbort();
    if (last !== undefined) return yield* abort(last);
    view.state = 'swapping';
    publish(`all ${steps.length} steps passed: clearing the routing rule before the swap`);
    yield* callActivity(
      context,
      'canarySetShare',
      {
        site: input.site,
        slot: input.slot,
        percent: 0,
      },
      sideEffectRetry,
    );
    view.percent = 0;
    view.state = 'promoted';
    publish('canary promoted: swapping');
    return { outcome: 'promoted', steps: steps.length, endedAt: iso() };
  } catch (error) {
    // A read or write failed for good: never leave the rule behind.
    return yield* abort({
      trigger: 'breach',
      reason: `canary could not go on: ${failureReason(error)}`,
      evidence: { error: failureReason(error) },
      detectedAt: iso(),
      actor: 'slotpilot',
    });
  }
}
