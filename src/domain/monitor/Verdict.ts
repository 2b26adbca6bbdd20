import type { MonitorPlan } from './contract.js';
import type { QueryWindow } from './queryWindow.js';

/** The numbers a verdict was decided on, with the thresholds they were held against. */
export interface SampleEvidence {
  at: string;
  window?: QueryWindow;
  requests?: number;
  failed?: number;
  serverErrors?: number;
  /** serverErrors / requests; null without requests. */
  errorRate: number | null;
  p95Ms: number | null;
  health: { ok: boolean; status: number; detail: string };
  thresholds: MonitorPlan['thresholds'];
  queryError?: string;
}

/** Rules whose breach counts towards `failureLimit`. */
export type BreachRule = 'health' | 'errorRate' | 'p95';

/**
 * Why a sample was inconclusive:
 * - `awaitingData`: no post-swap window is complete yet (early ticks); neutral, policy not applied;
 * - `lowTraffic`: fewer requests than `minRequests`;
 * - `queryFailed`: the Logs query failed after its retries;
 * - `probeFailed`: the health probe could not run at all (health unknown, not failing).
 */
export type InconclusiveCause = 'awaitingData' | 'lowTraffic' | 'queryFailed' | 'probeFailed';

/** The verdict on one sample: a closed union, never a boolean. */
export type Verdict =
  | { verdict: 'pass'; reason: string; evidence: SampleEvidence }
  | { verdict: 'breach'; rules: BreachRule[]; reason: string; evidence: SampleEvidence }
  | { verdict: 'inconclusive'; cause: InconclusiveCause; reason: string; evidence: SampleEvidence };
