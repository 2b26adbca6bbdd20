/**
 * The release shapes that both the release contract (contract.ts) and the stage contract
 * (stageContract.ts) speak of: the planned stage, the release status and a check's view.
 * Kept apart so that neither contract imports the other.
 */

/** One stage as the orchestration sees it. */
export interface PlannedStage {
  name: string;
  target: { subscription: string; resourceGroup: string; site: string; slot?: string };
  approval?: { approvers: string[]; timeoutMs: number; distinctFrom: string[] };
  checks: { name: string; path: string; timeoutMs: number; expectStatus: number }[];
  hooks: { name: string; phase: string; timeoutMs: number }[];
  warmup?: { path: string; successes: number; intervalMs: number; timeoutMs: number };
  monitor?: {
    durationMs: number;
    intervalMs: number;
    lookbackMs: number;
    ingestionDelayMs: number;
    table: 'AppRequests' | 'requests';
    thresholds: { errorRate: number; p95Ms: number; minRequests: number };
    failureLimit: number;
    inconclusive: 'continue' | 'rollback' | 'pause';
    health: { path: string; timeoutMs: number };
  };
  /** Absent: swap (0 → 100 %). Present: canary steps before the swap (see CanaryPlan). */
  canary?: CanaryPlan;
}

/** The canary strategy of a production stage, as snapshotted in the release plan. */
export interface CanaryPlan {
  /** Share of production traffic routed to the slot at each step, increasing, 1..99. */
  stepsPercent: number[];
  stepDurationMs: number;
  /** Wait for `POST /promote` (an approver) after each passing step. */
  pauseForApproval: boolean;
  /** Largest canary-minus-production error rate allowed; unset: only the monitor's errorRate. */
  maxErrorRateIncrease?: number;
}

/** Overall release status (DESIGN §4). */
export type ReleaseStatus =
  | 'Running'
  | 'WaitingForApproval'
  | 'Succeeded'
  | 'RolledBack'
  | 'Rejected'
  | 'Expired'
  | 'Superseded'
  | 'Canceled'
  | 'Failed';

/** Statuses after which nothing more happens to a release. */
export const terminalStatuses: ReadonlySet<ReleaseStatus> = new Set([
  'Succeeded',
  'RolledBack',
  'Rejected',
  'Expired',
  'Superseded',
  'Canceled',
  'Failed',
]);

/** One check or hook result within a stage. */
export interface CheckView {
  name: string;
  status: 'Pending' | 'Running' | 'Passed' | 'Failed';
  detail?: string;
}
