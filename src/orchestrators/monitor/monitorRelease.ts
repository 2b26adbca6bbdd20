import type { OrchestrationContext, Task } from 'durable-functions';

import { assessSample } from '../../domain/monitor/assessSample.js';
import {
  maxRecentSamples,
  type MonitorCarry,
  type MonitorDecision,
  monitorEvents,
  type MonitorInput,
  type MonitorResult,
} from '../../domain/monitor/contract.js';
import { type BreachRun, decideTick } from '../../domain/monitor/decideTick.js';
import { nextTick } from '../../domain/monitor/nextTick.js';
import { toSampleView } from '../../domain/monitor/toSampleView.js';
import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import {
  releaseEvents,
  type RollbackRequest,
  type SampleView,
} from '../../domain/release/contract.js';
import { EventInbox } from '../calls/EventInbox.js';
import { callActivity } from '../calls/callActivity.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import type { MonitorCustomStatus } from './MonitorStatus.js';
import { requestedRollback, rollBack, type RollbackCause, type RollbackView } from './rollBack.js';
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
  const { carry: carried, ...target } = input;
  const plan = input.plan;
  const window = {
    startedAt: input.swappedAt,
    endsAt: new Date(Date.parse(input.swappedAt) + plan.durationMs).toISOString(),
  };
  // Ticks go on for one ingestion delay past the window's end, so the last sample's query
  // covers the window's last minutes (each query ends one ingestion delay before its tick).
  const sampling = {
    startedAt: window.startedAt,
    endsAt: new Date(Date.parse(window.endsAt) + plan.ingestionDelayMs).toISOString(),
  };
  const carry: MonitorCarry = carried ?? {
    generation: 0,
    consecutiveBreaches: 0,
    samples: [],
    sampleCount: 0,
    startedAt: context.df.currentUtcDateTime.toISOString(),
  };
  let run: BreachRun = {
    consecutiveBreaches: carry.consecutiveBreaches,
    ...(carry.firstBreachAt !== undefined && { firstBreachAt: carry.firstBreachAt }),
  };
  let samples: SampleView[] = carry.samples;
  let sampleCount = carry.sampleCount;
  let verdict: NonNullable<MonitorCustomStatus['monitor']>['verdict'] =
    samples.at(-1)?.verdict ?? 'pending';

  type Extra = Omit<Partial<MonitorCustomStatus>, 'monitor'> & { nextTickAt?: string };
  const publish = (step: string, extra: Extra = {}): void => {
    const status: MonitorCustomStatus = {
      step,
      updatedAt: context.df.currentUtcDateTime.toISOString(),
      monitor: {
        startedAt: window.startedAt,
        endsAt: window.endsAt,
        ...(extra.nextTickAt !== undefined && { nextTickAt: extra.nextTickAt }),
        samples,
        verdict,
      },
      ...(extra.rollback !== undefined && { rollback: extra.rollback }),
      ...(extra.waitingForDecision !== undefined && {
        waitingForDecision: extra.waitingForDecision,
      }),
      ...(extra.status !== undefined && { status: extra.status }),
    };
    context.df.setCustomStatus(boundCustomStatus(status));
  };

  const finish = function* (cause: RollbackCause): Generator<Task, MonitorResult, unknown> {
    verdict = 'breach';
    const outcome = yield* rollBack(context, target, cause, {
      onRefused: 'fail',
      publish: (view: RollbackView, step: string) =>
        publish(step, {
          rollback: view,
          ...(view.swapBackCompletedAt !== undefined && { status: 'RolledBack' as const }),
        }),
    });
    if (outcome.outcome === 'refused') throw new Error('unreachable: refusals fail the rollback');
    return outcome;
  };

  if (carried === undefined) {
    yield* auditBestEffort(context, input, 'monitoring started', {
      endsAt: window.endsAt,
      intervalMs: plan.intervalMs,
      thresholds: plan.thresholds,
    });
  }

  // Rollback requests are kept from the start of the execution: one raised while a sample is
  // being taken is seen at the next check, never lost between two waits.
  const rollbacks = new EventInbox(context, releaseEvents.rollback);
  const decisions = new EventInbox(context, monitorEvents.decision);
  let requested: { request: RollbackRequest; receivedAt: string } | undefined;
  const rollbackRequested = (): boolean => {
    const [payload] = rollbacks.take();
    if (requested === undefined && payload !== undefined) {
      requested = {
        request: payload as RollbackRequest,
        receivedAt: context.df.currentUtcDateTime.toISOString(),
      };
    }
    return requested !== undefined;
  };
  let ticks = 0;
  for (;;) {
    if (rollbackRequested() && requested !== undefined) {
      return yield* finish(requestedRollback(requested.request, requested.receivedAt));
    }
    const tickAt = nextTick(sampling, plan.intervalMs, context.df.currentUtcDateTime);
    if (tickAt === undefined) {
      if (verdict === 'pending') verdict = 'inconclusive';
      else if (verdict !== 'breach' && verdict !== 'inconclusive') verdict = 'pass';
      publish('monitoring window ended healthy');
      yield* auditBestEffort(context, input, 'monitoring ended healthy', { samples: sampleCount });
      return {
        outcome: 'healthy',
        samples: sampleCount,
        endedAt: context.df.currentUtcDateTime.toISOString(),
      };
    }
    if (ticks >= ticksPerExecution) {
      const next: MonitorInput = {
        ...target,
        carry: {
          generation: carry.generation + 1,
          consecutiveBreaches: run.consecutiveBreaches,
          ...(run.firstBreachAt !== undefined && { firstBreachAt: run.firstBreachAt }),
          samples,
          sampleCount,
          startedAt: carry.startedAt,
        },
      };
      context.df.continueAsNew(next);
      return undefined;
    }

    publish(`watching production (next sample ${tickAt})`, { nextTickAt: tickAt });
    const timer = context.df.createTimer(new Date(tickAt));
    const winner = yield context.df.Task.any([rollbacks.next(), timer]);
    if (winner !== timer) {
      timer.cancel(); // also what lets the runtime's wait-any go on (see the pause guard)
      continue;
    }

    const sample = yield* takeSample(context, target, tickAt);
    const judged = assessSample(sample, plan.thresholds);
    samples = [...samples, toSampleView(judged)].slice(-maxRecentSamples);
    sampleCount += 1;
    ticks += 1;
    verdict = judged.verdict;
    const decision = decideTick(run, judged, plan);
    run = decision.run;

    if (decision.action === 'rollback') {
      return yield* finish({
        trigger: decision.trigger,
        reason: decision.reason,
        evidence: { ...judged.evidence, consecutiveBreaches: run.consecutiveBreaches },
        detectedAt: decision.detectedAt,
        actor: 'slotpilot',
      });
    }
    if (decision.action === 'pause') {
      const since = context.df.currentUtcDateTime.toISOString();
      publish(`paused: ${decision.reason}; waiting for a decision`, {
        waitingForDecision: { since, reason: decision.reason },
      });
      if (rollbackRequested()) continue;
      let answer: MonitorDecision | undefined;
      while (answer === undefined) {
        // The guard timer bounds each race; it is cancelled when an event wins.
        const guard = context.df.createTimer(
          new Date(context.df.currentUtcDateTime.getTime() + pauseGuardMs),
        );
        const race = [rollbacks.next(), decisions.next(), guard];
        const chosen: unknown = yield context.df.Task.any(race);
        if (chosen !== guard) guard.cancel();
        if (rollbackRequested()) break;
        // A decision meant for an earlier pause answers nothing now.
        answer = (decisions.take() as MonitorDecision[]).find((d) => d.pausedSince === since);
      }
      if (answer === undefined) continue;
      if (answer.decision === 'rollback') {
        return yield* finish({
          trigger: 'inconclusive',
          reason: `${decision.reason}; ${answer.by} decided to roll back: ${answer.reason}`,
          evidence: { ...judged.evidence, decidedBy: answer.by },
          detectedAt: since,
          actor: answer.by,
        });
      }
      yield* auditBestEffort(
        context,
        input,
        'monitoring resumed',
        {
          by: answer.by,
          reason: answer.reason,
          pausedSince: since,
        },
        since,
      );
    }
  }
}

function* auditBestEffort(
  context: OrchestrationContext,
  input: MonitorInput,
  type: string,
  detail: Record<string, unknown>,
  discriminator = '',
): Generator<Task, void, unknown> {
  try {
    yield* callActivity(
      context,
      'monitorAudit',
      {
        eventId: `${input.releaseId}:${type.replaceAll(' ', '-')}${discriminator === '' ? '' : `:${discriminator}`}`,
        releaseId: input.releaseId,
        pipeline: input.pipeline,
        stage: input.stage,
        at: context.df.currentUtcDateTime.toISOString(),
        type,
        actor: 'slotpilot',
        detail,
      },
      sideEffectRetry,
    );
  } catch {
    // Best effort: monitoring goes on without its audit line.
  }
}
