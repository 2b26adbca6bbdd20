import type { OrchestrationContext, Task } from 'durable-functions';

import {
  assessCanarySample,
  type CanaryStepView,
  maxStepSamples,
  metricsWindow,
} from '../../domain/canary/index.js';
import { type BreachRun, decideTick } from '../../domain/monitor/decideTick.js';
import { toSampleView } from '../../domain/monitor/toSampleView.js';
import { callActivity } from '../calls/callActivity.js';
import { nowIso, nowMs } from '../calls/clock.js';
import { sideEffectRetry } from '../calls/RetryPolicy.js';
import type { RollbackCause } from '../monitor/rollBack.js';
import type { CanaryRun } from './CanaryRun.js';

/** Platform metrics of a minute are complete about a minute later. */
const metricsDelayMs = 60_000;

/** How a step ended: it ran its duration, was promoted early, or the canary must abort. */
export type StepEnd =
  { kind: 'ran' } | { kind: 'promoted'; by: string } | { kind: 'abort'; cause: RollbackCause };

/** Samples the step every monitor interval until its duration ends, a promote or an abort. */
export function* judge(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  step: CanaryStepView,
): Generator<Task, StepEnd, unknown> {
  const { input } = run;
  const intervalMs = input.monitor.intervalMs;
  const endMs = nowMs(context) + input.canary.stepDurationMs;
  let nextSampleMs = nowMs(context) + intervalMs;
  let breaches: BreachRun = { consecutiveBreaches: 0 };
  run.publish(`step ${index + 1}/${run.steps.length}: ${step.percent}% to ${input.slot}`);
  for (;;) {
    const atMs = Math.min(nextSampleMs, endMs);
    const fired = yield* run.wait(atMs);
    const interrupted = takeInterruption(run, index);
    if (interrupted !== undefined) return interrupted;
    if (!fired) continue;
    if (atMs >= nextSampleMs) {
      nextSampleMs += intervalMs;
      const sampled = yield* sampleStep(context, run, index, step, breaches);
      // One sample per interval on the step's grid: slots that passed while the sample ran
      // (or the host was down) are skipped, not caught up back to back.
      while (nextSampleMs <= nowMs(context)) nextSampleMs += intervalMs;
      breaches = sampled.run;
      if (sampled.cause !== undefined) return { kind: 'abort', cause: sampled.cause };
    }
    if (nowMs(context) >= endMs) return { kind: 'ran' };
  }
}

/** An abort or a promote of step `index` that arrived, if any (an abort wins). */
export function takeInterruption(run: CanaryRun, index: number): StepEnd | undefined {
  const cause = run.events.takeAbort();
  if (cause !== undefined) return { kind: 'abort', cause };
  const promote = run.events.takePromote(index);
  if (promote === undefined) return undefined;
  run.accept(index, promote);
  return { kind: 'promoted', by: promote.by };
}

/** Samples the slot once and judges it; a `cause` when the breaches call for an abort. */
function* sampleStep(
  context: OrchestrationContext,
  run: CanaryRun,
  index: number,
  step: CanaryStepView,
  breaches: BreachRun,
): Generator<Task, { run: BreachRun; cause?: RollbackCause }, unknown> {
  const { input } = run;
  const { monitor } = input;
  const startedAt = step.startedAt ?? nowIso(context);
  const now = context.df.currentUtcDateTime;
  const window = metricsWindow(startedAt, now, monitor.lookbackMs, metricsDelayMs);
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
  const verdict = assessCanarySample(
    { at: nowIso(context), ...(window !== undefined && { window }), ...read },
    monitor.thresholds,
    input.canary.maxErrorRateIncrease,
  );
  step.samples = [...step.samples, toSampleView(verdict)].slice(-maxStepSamples);
  // The inconclusive policy applies to the whole step (a step's first minutes at a small
  // share are always short of requests), so samples only count breaches here.
  const decision = decideTick(breaches, verdict, { ...monitor, inconclusive: 'continue' });
  const where = `step ${index + 1}/${run.steps.length}: ${step.percent}% to ${input.slot}`;
  run.publish(`${where}, ${verdict.verdict}`);
  if (decision.action !== 'rollback') return { run: decision.run };
  const cause: RollbackCause = {
    trigger: decision.trigger,
    reason: `canary step ${index + 1} (${step.percent}%): ${decision.reason}`,
    evidence: {
      ...verdict.evidence,
      step: index + 1,
      percent: step.percent,
      consecutiveBreaches: decision.run.consecutiveBreaches,
    },
    detectedAt: decision.detectedAt,
    actor: 'slotpilot',
  };
  return { run: decision.run, cause };
}
