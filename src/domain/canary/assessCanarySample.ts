import { assessSample } from '../monitor/assessSample.js';
import type { MonitorPlan } from '../monitor/contract.js';
import type { SampleHealth } from '../monitor/ProductionSample.js';
import type { QueryWindow } from '../monitor/queryWindow.js';
import type { Verdict } from '../monitor/Verdict.js';
import type { SlotTraffic } from './SlotTraffic.js';

/** What one canary tick observed: the slot's own traffic, production's, and the slot's probe. */
export interface CanarySample {
  /** ISO time of the tick (orchestration clock). */
  at: string;
  /** Whole minutes read; undefined while none of the step is published yet. */
  window?: QueryWindow;
  /** The canary slot's platform metrics (set when `window` is and the read worked). */
  canary?: SlotTraffic;
  /** Production's platform metrics over the same minutes (the baseline), when read. */
  production?: SlotTraffic;
  /** Why the metrics read failed after its retries (never a pass). */
  queryError?: string;
  /** The probe of the slot's own host name. */
  health: SampleHealth;
}

/**
 * Judges one canary sample with the monitor's rules (`assessSample`: failing probe → health
 * breach; no window → awaitingData; too few requests → lowTraffic; error rate or latency over
 * the thresholds → breach), on the slot's own platform metrics. Latency is the slot's average
 * `HttpResponseTime` held against the `p95` threshold: App Service platform metrics carry no
 * percentiles, so this approximates p95 from below (an average over p95 is a sure breach).
 * Then, when `maxErrorRateIncrease` is set and production had traffic over the same minutes,
 * a canary error rate more than that above production's is an `errorRate` breach too.
 *
 * @example slot 40 req, 4 5xx; production 760 req, 0 5xx; errorRate 0.01 → breach `errorRate 0.1 > 0.01`
 */
export function assessCanarySample(
  sample: CanarySample,
  thresholds: MonitorPlan['thresholds'],
  maxErrorRateIncrease?: number,
): Verdict {
  const canary = sample.canary;
  const verdict = assessSample(
    {
      at: sample.at,
      ...(sample.window !== undefined && { window: sample.window }),
      ...(canary !== undefined && {
        stats: {
          requests: canary.requests,
          failed: canary.http5xx,
          serverErrors: canary.http5xx,
          ...(canary.averageResponseMs !== null && { p95Ms: canary.averageResponseMs }),
        },
      }),
      ...(sample.queryError !== undefined && { queryError: sample.queryError }),
      health: sample.health,
    },
    thresholds,
  );
  const baseline = sample.production;
  const baselineRate =
    baseline !== undefined && baseline.requests > 0 ? baseline.http5xx / baseline.requests : null;
  const evidence = {
    ...verdict.evidence,
    latency: 'average HttpResponseTime (platform metrics), held against the p95 threshold',
    ...(baselineRate !== null && { productionErrorRate: round(baselineRate) }),
  };
  if (verdict.verdict !== 'pass' || maxErrorRateIncrease === undefined || baselineRate === null)
    return { ...verdict, evidence };
  const rate = verdict.evidence.errorRate ?? 0;
  if (rate - baselineRate <= maxErrorRateIncrease) return { ...verdict, evidence };
  return {
    verdict: 'breach',
    rules: ['errorRate'],
    reason: `errorRate ${round(rate)} exceeds production's ${round(baselineRate)} by more than ${maxErrorRateIncrease}`,
    evidence,
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
