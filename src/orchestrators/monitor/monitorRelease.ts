import type { OrchestrationContext, Task } from 'durable-functions';

import { assessSample } from '../../domain/monitor/assessSample.js';
import {
  maxRecentSamples,
  type MonitorDecision,
  type MonitorInput,
  type MonitorResult,
} from '../../domain/monitor/contract.js';
import { decideTick } from '../../domain/monitor/decideTick.js';
import { nextTick } from '../../domain/monitor/nextTick.js';
import { toSampleView } from '../../domain/monitor/toSampleView.js';
import { auditBestEffort } from '../calls/audit.js';
import { inMs, nowIso } from '../calls/clock.js';
import { MonitorWatch } from './MonitorWatch.js';
import { rollBack, type RollbackCause, type RollbackView } from './rollBack.js';
import { takeSample } from './takeSample.js';

/**
 * Ticks per execution before the monitor continues as new. Bounds durable history: a tick
 * adds at most ~10 events (timer created/fired, two activities scheduled/completed, episode
 * markers), so one execution holds about 120 events whatever the window length; retries of
 * failed reads add 4 events each.
 */
export const ticksPerExecution = 10;

/** How long one wait of a paused monitor lasts before it is re-armed (it waits indefinitely). */
const pauseGuardMs = 24 * 3_600_000;

/**
 * `monitorRelease`: watches production after the swap for `plan.durationMs`, one sample per
 * `plan.intervalMs` on durable timers, and swaps back by itself the moment it is unhealthy
 * (`failureLimit` consecutive breaches, a failing health probe, the `inconclusive` policy) or
 * when a `rollback` event arrives (alert push, manual request) — without waiting for a tick.
 * Publishes the `monitor`/`rollback` parts of the release view as custom status, and
 * continues as new every {@link ticksPerExecution} ticks with its state carried.
 */
export function* monitorRelease(
  context: OrchestrationContext,
): Generator<Task, MonitorResult | undefined, unknown> {
  const input = context.df.getInput<MonitorInput>();
  const watch = new MonitorWatch(context, input);
  if (input.carry === undefined) {
    yield* audit(context, watch, 'monitoring started', {
      endsAt: watch.window.endsAt,
      intervalMs: input.plan.intervalMs,
      thresholds: input.plan.thresholds,
    });
  }
  for (;;) {
    const requested = watch.requestedCause();
    if (requested !== undefined) return yield* finish(context, watch, requested);
    const tickAt = nextTick(watch.sampling, input.plan.intervalMs, context.df.currentUtcDateTime);
    if (tickAt === undefined) return yield* endHealthy(context, watch);
    if (watch.ticks >= ticksPerExecution) {
      context.df.continueAsNew(watch.carriedInput());
      return undefined;
    }
    if (!(yield* waitForTick(context, watch, tickAt))) continue;
    const cause = yield* sampleAndDecide(context, watch, tickAt);
    if (cause !== undefined) return yield* finish(context, watch, cause);
  }
}

/** Races the tick's timer against a rollback request; true when the tick is due. */
function* waitForTick(
  context: OrchestrationContext,
  watch: MonitorWatch,
  tickAt: string,
): Generator<Task, boolean, unknown> {
  watch.publish(`watching production (next sample ${tickAt})`, { nextTickAt: tickAt });
  const timer = context.df.createTimer(new Date(tickAt));
  const winner = yield context.df.Task.any([watch.rollbackWait(), timer]);
  if (winner === timer) return true;
  timer.cancel(); // also what lets the runtime's wait-any go on (see the pause guard)
  return false;
}

/**
 * Takes and judges the tick's sample; returns the cause of a rollback it calls for (at once,
 * or decided by a person while paused), else undefined to go on watching.
 */
function* sampleAndDecide(
  context: OrchestrationContext,
  watch: MonitorWatch,
  tickAt: string,
): Generator<Task, RollbackCause | undefined, unknown> {
  const plan = watch.target.plan;
  const sample = yield* takeSample(context, watch.target, tickAt);
  const judged = assessSample(sample, plan.thresholds);
  watch.samples = [...watch.samples, toSampleView(judged)].slice(-maxRecentSamples);
  watch.sampleCount += 1;
  watch.ticks += 1;
  watch.verdict = judged.verdict;
  const decision = decideTick(watch.run, judged, plan);
  watch.run = decision.run;
  if (decision.action === 'rollback') {
    return {
      trigger: decision.trigger,
      reason: decision.reason,
      evidence: { ...judged.evidence, consecutiveBreaches: watch.run.consecutiveBreaches },
      detectedAt: decision.detectedAt,
      actor: 'slotpilot',
    };
  }
  if (decision.action !== 'pause') return undefined;
  const since = nowIso(context);
  const answer = yield* awaitDecision(context, watch, decision.reason, since);
  if (answer === undefined) return undefined;
  if (answer.decision === 'rollback') {
    return {
      trigger: 'inconclusive',
      reason: `${decision.reason}; ${answer.by} decided to roll back: ${answer.reason}`,
      evidence: { ...judged.evidence, decidedBy: answer.by },
      detectedAt: since,
      actor: answer.by,
    };
  }
  const resumed = { by: answer.by, reason: answer.reason, pausedSince: since };
  yield* audit(context, watch, 'monitoring resumed', resumed, since);
  return undefined;
}

/**
 * Holds the monitor for a person's decision on an inconclusive sample (policy `pause`).
 * Returns the decision, or undefined when a rollback request arrived first.
 */
function* awaitDecision(
  context: OrchestrationContext,
  watch: MonitorWatch,
  reason: string,
  since: string,
): Generator<Task, MonitorDecision | undefined, unknown> {
  watch.publish(`paused: ${reason}; waiting for a decision`, {
    waitingForDecision: { since, reason },
  });
  if (watch.hasRollbackRequest()) return undefined;
  for (;;) {
    // The guard timer bounds each race; it is cancelled when an event wins.
    const guard = context.df.createTimer(inMs(context, pauseGuardMs));
    const race = [watch.rollbackWait(), watch.decisionWait(), guard];
    const chosen: unknown = yield context.df.Task.any(race);
    if (chosen !== guard) guard.cancel();
    if (watch.hasRollbackRequest()) return undefined;
    // A decision meant for an earlier pause answers nothing now.
    const answer = watch.takeDecisions().find((d) => d.pausedSince === since);
    if (answer !== undefined) return answer;
  }
}

/** The window ended without a rollback: final verdict, status and audit line. */
function* endHealthy(
  context: OrchestrationContext,
  watch: MonitorWatch,
): Generator<Task, MonitorResult, unknown> {
  if (watch.verdict === 'pending') watch.verdict = 'inconclusive';
  else if (watch.verdict !== 'breach' && watch.verdict !== 'inconclusive') watch.verdict = 'pass';
  watch.publish('monitoring window ended healthy');
  yield* audit(context, watch, 'monitoring ended healthy', { samples: watch.sampleCount });
  return { outcome: 'healthy', samples: watch.sampleCount, endedAt: nowIso(context) };
}

/** Swaps back for `cause`; a refusal fails the rollback (production runs this release). */
function* finish(
  context: OrchestrationContext,
  watch: MonitorWatch,
  cause: RollbackCause,
): Generator<Task, MonitorResult, unknown> {
  watch.verdict = 'breach';
  const outcome = yield* rollBack(context, watch.target, cause, {
    onRefused: 'fail',
    publish: (view: RollbackView, step: string) =>
      watch.publish(step, {
        rollback: view,
        ...(view.swapBackCompletedAt !== undefined && { status: 'RolledBack' as const }),
      }),
  });
  if (outcome.outcome === 'refused') throw new Error('unreachable: refusals fail the rollback');
  return outcome;
}

/** The monitor's audit line (best effort), once per type (and `discriminator`). */
function* audit(
  context: OrchestrationContext,
  watch: MonitorWatch,
  type: string,
  detail: Record<string, unknown>,
  discriminator = '',
): Generator<Task, void, unknown> {
  const { releaseId, pipeline, stage } = watch.target;
  const suffix = discriminator === '' ? '' : `:${discriminator}`;
  yield* auditBestEffort(context, 'monitorAudit', {
    eventId: `${releaseId}:${type.replaceAll(' ', '-')}${suffix}`,
    releaseId,
    pipeline,
    stage,
    at: nowIso(context),
    type,
    actor: 'slotpilot',
    detail,
  });
}
