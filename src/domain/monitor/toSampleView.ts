import type { SampleView } from '../release/contract.js';
import type { Verdict } from './Verdict.js';

/** The compact form of a judged sample the release view shows (a few hundred bytes). */
export function toSampleView(verdict: Verdict): SampleView {
  const e = verdict.evidence;
  return {
    at: e.at,
    requests: e.requests ?? 0,
    errorRate: e.errorRate === null ? null : Math.round(e.errorRate * 10_000) / 10_000,
    p95Ms: e.p95Ms === null ? null : Math.round(e.p95Ms),
    health: e.health.ok ? 'pass' : 'fail',
    verdict: verdict.verdict,
    reason: verdict.reason.length > 160 ? `${verdict.reason.slice(0, 157)}...` : verdict.reason,
  };
}
