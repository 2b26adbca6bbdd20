import type { MonitorPlan } from './contract.js';
import type { ProductionSample } from './ProductionSample.js';
import type { BreachRule, InconclusiveCause, SampleEvidence, Verdict } from './Verdict.js';

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
  const evidence = sampleEvidence(sample, thresholds);
  if (!sample.health.ok && sample.health.unknown !== true) {
    const reason = `health probe failed: ${sample.health.detail}`;
    return { verdict: 'breach', rules: ['health'], reason, evidence };
  }
  const missing = missingData(sample, thresholds);
  if (missing !== undefined) return { verdict: 'inconclusive', ...missing, evidence };
  const breach = breachedRules(evidence, thresholds);
  if (breach !== undefined) return { verdict: 'breach', ...breach, evidence };
  if (sample.health.unknown === true) {
    const reason = `health probe could not run: ${sample.health.detail}`;
    return { verdict: 'inconclusive', cause: 'probeFailed', reason, evidence };
  }
  return { verdict: 'pass', reason: passReason(evidence, thresholds), evidence };
}

/** Why a verdict cannot be judged from the traffic yet (steps 2 and 3), if it cannot. */
function missingData(
  sample: ProductionSample,
  thresholds: MonitorPlan['thresholds'],
): { cause: InconclusiveCause; reason: string } | undefined {
  if (sample.window === undefined) {
    return { cause: 'awaitingData', reason: 'no complete post-swap data yet' };
  }
  const requests = sample.stats?.requests;
  if (requests === undefined) {
    return {
      cause: 'queryFailed',
      reason: `request query failed: ${sample.queryError ?? 'no result'}`,
    };
  }
  if (requests === 0 || requests < thresholds.minRequests) {
    return {
      cause: 'lowTraffic',
      reason: `${requests} requests < minRequests ${thresholds.minRequests}`,
    };
  }
  return undefined;
}

/** Every traffic rule that fired (step 4), or undefined when none did. */
function breachedRules(
  evidence: SampleEvidence,
  thresholds: MonitorPlan['thresholds'],
): { rules: BreachRule[]; reason: string } | undefined {
  const { errorRate, p95Ms } = evidence;
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
  return rules.length === 0 ? undefined : { rules, reason: reasons.join('; ') };
}

/** Every rule held (step 5); judged only with traffic, so `requests` is known. */
function passReason(evidence: SampleEvidence, thresholds: MonitorPlan['thresholds']): string {
  const requests = evidence.requests ?? 0;
  const errorRate = round(evidence.errorRate ?? 0);
  const p95Ms = Math.round(evidence.p95Ms ?? 0);
  return `errorRate ${errorRate} <= ${thresholds.errorRate}, p95 ${p95Ms}ms <= ${thresholds.p95Ms}ms over ${requests} requests`;
}

/** What every verdict shows: the window, the counts, the rates, the probe and the thresholds. */
function sampleEvidence(
  sample: ProductionSample,
  thresholds: MonitorPlan['thresholds'],
): SampleEvidence {
  const stats = sample.stats;
  return {
    at: sample.at,
    ...(sample.window !== undefined && { window: sample.window }),
    ...(stats !== undefined && {
      requests: stats.requests,
      failed: stats.failed,
      serverErrors: stats.serverErrors,
    }),
    errorRate:
      stats !== undefined && stats.requests > 0 ? stats.serverErrors / stats.requests : null,
    p95Ms: stats?.p95Ms ?? null,
    health: { ok: sample.health.ok, status: sample.health.status, detail: sample.health.detail },
    thresholds,
    ...(sample.queryError !== undefined && { queryError: sample.queryError }),
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
