/**
 * The contract between the HTTP/Event Grid triggers and the release orchestrations:
 * orchestration names, their input, the external events they accept and the custom status
 * they publish. Both sides import this module; nothing here does I/O.
 */

export type { FlushMarker, LockRelease, ProductionLockInput } from './lockContract.js';
export { lockEvents, productionLockId, stageInstanceId } from './lockContract.js';

/** Orchestrator function names. */
export const orchestratorNames = {
  release: 'releasePipeline',
  deployStage: 'deployStage',
  production: 'productionRelease',
  monitor: 'monitorRelease',
  /** The production lock of one site (instance id {@link productionLockId}). */
  productionLock: 'productionLock',
} as const;

/** Names of the external events a release orchestration accepts (raise-event names). */
export const releaseEvents = {
  /** {@link ApprovalDecision}: an approval or rejection for the stage it waits for. */
  approval: 'approval',
  /** {@link CancelRequest}: cancel a release not yet swapped. */
  cancel: 'cancel',
  /** {@link SupersedeNotice}: a newer image of the same pipeline arrived. */
  supersede: 'supersede',
  /** {@link RollbackRequest}: manual rollback or an alert push during/after monitoring. */
  rollback: 'rollback',
  /** {@link ProductionLockGranted}: the production lock for the site is this release's now. */
  lockGranted: 'lockGranted',
} as const;

/** Raise-event name a callback hook's result arrives under (letters, digits, dashes only). */
export function hookEventName(stage: string, hook: string): string {
  return `hook-${stage}-${hook}`;
}

/** Input of `releasePipeline`; stored in durable history, so it holds no secrets. */
export interface ReleaseInput {
  releaseId: string;
  pipeline: string;
  /** `registry/repository@sha256:…`: what gets deployed. */
  image: string;
  /** The tag the push named, display only; undefined when started by digest. */
  tag?: string;
  digest: string;
  /** Who started it: the pusher's ACR actor for a push, the user's email for a manual start. */
  requestedBy: string;
  /** ISO time this start was requested (`startRelease`'s clock). Absent on older releases. */
  requestedAt?: string;
  /**
   * ISO time the image was pushed (the ImagePushed event's time), or the request time of a
   * manual start: orders the releases of a pipeline for superseding. Absent on older releases.
   */
  pushedAt?: string;
  /** The pipeline's stages with everything but secrets (URLs come from config at activity time). */
  plan: ReleasePlan;
}

/** The non-secret shape of a pipeline, snapshotted when a release starts. */
export interface ReleasePlan {
  stages: PlannedStage[];
}

/** One stage as the orchestration sees it. */
export interface PlannedStage {
  name: string;
  target: { subscription: string; resourceGroup: string; site: string; slot?: string };
  /** `required`: distinct approvers needed (absent in plans made before quorums: 1). */
  approval?: { approvers: string[]; required?: number; timeoutMs: number; distinctFrom: string[] };
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
    /** Extra production host names (`monitor.hosts`); absent in plans made before it existed. */
    hosts?: string[];
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

/** Payload of the `approval` event. Validated by the trigger before it is raised. */
export interface ApprovalDecision {
  stage: string;
  decision: 'approved' | 'rejected';
  by: string;
  /** ISO time the API accepted it. */
  at: string;
  comment?: string;
  /**
   * The start of the wait it answers (`waitingFor.since` of the custom status the API read).
   * The orchestration accepts the decision only at that very wait; a decision meant for an
   * earlier wait (a stale page, a retried request) is ignored.
   */
  waitingSince?: string;
}

/** Payload of the `cancel` event. */
export interface CancelRequest {
  by: string;
  reason: string;
  at: string;
}

/** Payload of the `supersede` event. */
export interface SupersedeNotice {
  byReleaseId: string;
  at: string;
}

/** Payload of the `rollback` event. */
export interface RollbackRequest {
  source: 'manual' | 'alert';
  by: string;
  reason: string;
  at: string;
  /** Alert details (rule name, severity, fired time) for alert pushes. */
  evidence?: Record<string, unknown>;
}

/** Payload of the `lockGranted` event. */
export interface ProductionLockGranted {
  site: string;
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

/** Status of one stage. */
export type StageStatus =
  | 'Pending'
  | 'WaitingForApproval'
  | 'Running'
  | 'Succeeded'
  | 'Failed'
  | 'Skipped'
  | 'Rejected'
  | 'Expired'
  | 'Canceled'
  | 'RolledBack';

/** One check or hook result within a stage. */
export interface CheckView {
  name: string;
  status: 'Pending' | 'Running' | 'Passed' | 'Failed';
  detail?: string;
}

/** One person's approval of a stage. */
export interface ApprovalRecord {
  by: string;
  at: string;
  comment?: string;
}

/** One stage in the release view. */
export interface StageView {
  name: string;
  status: StageStatus;
  startedAt?: string;
  finishedAt?: string;
  /** The approval that let the stage go ahead (with a quorum: the last one). */
  approval?: ApprovalRecord;
  /** Every approval of the stage, in order (more than one with a quorum). */
  approvals?: ApprovalRecord[];
  checks: CheckView[];
}

/** One monitoring sample with the verdict it got. */
export interface SampleView {
  at: string;
  requests: number;
  errorRate: number | null;
  p95Ms: number | null;
  health: 'pass' | 'fail';
  verdict: 'pass' | 'breach' | 'inconclusive';
  /** The rule that decided, e.g. `errorRate 0.034 > 0.01`. */
  reason?: string;
}

/**
 * The orchestration's custom status: the live part of the release view. Kept well under
 * the 16 KB custom status limit (samples are trimmed to the most recent ones).
 */
export interface ReleaseCustomStatus {
  status: ReleaseStatus;
  /** The stage in progress (or the last one). */
  stage: string;
  /** Human-readable step, e.g. `waiting for approval`, `warming up slot staging (4/10)`. */
  step: string;
  updatedAt: string;
  stages: StageView[];
  /** Present while waiting for an approval. */
  waitingFor?: {
    stage: string;
    since: string;
    expiresAt: string;
    approvers: string[];
    /** Distinct approvals the stage needs (absent: 1). */
    required?: number;
    /** Approvals given so far in this wait, and how many more are needed. */
    approvals?: ApprovalRecord[];
    stillNeeded?: number;
  };
  /** Present while waiting for the production lock of a site held by another release. */
  waitingForLock?: { site: string; heldBy: string };
  /**
   * A cancel that arrived while a stage ran: the running `productionRelease` reads it here
   * (through an activity) and stops before its swap.
   */
  cancelRequested?: CancelRequest;
  /** Digest production ran before this release's swap (what a rollback returns to). */
  previousDigest?: string;
  swappedAt?: string;
  monitor?: {
    startedAt: string;
    endsAt: string;
    nextTickAt?: string;
    samples: SampleView[];
    verdict: 'pass' | 'breach' | 'inconclusive' | 'pending';
  };
  rollback?: RollbackProgress;
}

/** A rollback as a status shows it: why, its evidence, and when it was detected, decided and done. */
export interface RollbackProgress {
  reason: string;
  evidence: Record<string, unknown>;
  at: string;
  detectedAt: string;
  decidedAt: string;
  swapBackCompletedAt?: string;
}
