import type { MonitorPlan } from './contract.js';
import type { ProductionSample } from './ProductionSample.js';
import type { BreachRule, SampleEvidence, Verdict } from './Verdict.js';

/**
 * Judges one sample against the thresholds. In order:
 * 1. a failing health probe is a `health` breach, whatever the traffic;
 * 2. no window yet → inconclusive `awaitingData`; a failed query → inconclusive `queryFailed`;
 * 3. fewer than `minRequests` requests (and always zero requests) → inconclusive `lowTraffic`:
 *    too little traffic neither passes nor breaches;
 * 4. error rate (5xx / requests) above `errorRate`, or p95 above `p95Ms` → breach (every rule
 *    that fired is listed);
 * 5. a probe that could not run (health unknown) → inconclusive `probeFailed`; otherwise pass.
 *    Thresholds are exclusive: equal is a pass.
 */
export function assessSample(
  sample: ProductionSample,
  thresholds: MonitorPlan['thresholds'],
): Verdict {
  const stats = sample.stats;
  const errorRate =
    stats !== undefined && stats.requests > 0 ? stats.serverErrors / stats.requests : null;
  const p95Ms = stats?.p95Ms ?? null;
  const evidence: SampleEvidence = {
    at: sample.at,
    ...(sample.window !== undefined && { window: sample.window }),
    ...(stats !== undefined && {
      requests: stats.requests,
      failed: stats.failed,
      serverErrors: stats.serverErrors,
    }),
    errorRate,
    p95Ms,
    health: { ok: sample.health.ok, status: sample.health.status, detail: sample.health.detail },
    thresholds,
    ...(sample.queryError !== undefined && { queryError: sample.queryError }),
  };

  if (!sample.health.ok && sample.health.unknown !== true) {
    return {
      verdict: 'breach',
      rules: ['health'],
      reason: `health probe failed: ${sample.health.detail}`,
      evidence,
    };
  }
  if (sample.window === undefined) {
    return {
      verdict: 'inconclusive',
      cause: 'awaitingData',
      reason: 'no complete post-swap data yet',
      evidence,
    };
  }
  if (stats === undefined) {
    return {
      verdict: 'inconclusive',
      cause: 'queryFailed',
      reason: `request query failed: ${sample.queryError ?? 'no result'}`,
      evidence,
    };
  }
  if (stats.requests === 0 || stats.requests < thresholds.minRequests) {
    return {
      verdict: 'inconclusive',
      cause: 'lowTraffic',
      reason: `${stats.requests} requests < minRequests ${thresholds.minRequests}`,
      evidence,
    };
  }

  const rules: BreachRule[] = [];
  const reasons: string[] = [];
  if (errorRate !== null && errorRate > thresholds.errorRate) {
    rules.push('errorRate');
    reasons.push(`errorRate ${round(errorRate)} > ${thresholds.errorRate}`);
  }
  if (p95Ms !== null && p95Ms > thresholds.p95Ms) {
    rules.push('p95');
    reasons.push(`p95 ${Math.round(p95Ms)}ms > ${thresholds.p95Ms}ms`);
  }
  if (rules.length > 0) return { verdict: 'breach', rules, reason: reasons.join('; '), evidence };
  if (sample.health.unknown === true) {
    return {
      verdict: 'inconclusive',
      cause: 'probeFailed',
      reason: `health probe could not run: ${sample.health.detail}`,
      evidence,
    };
  }
  return {
    verdict: 'pass',
    reason: `errorRate ${round(errorRate ?? 0)} <= ${thresholds.errorRate}, p95 ${Math.round(p95Ms ?? 0)}ms <= ${thresholds.p95Ms}ms over ${stats.requests} requests`,
    evidence,
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
