/**
 * The HTTP API's JSON shapes as the console reads them (DESIGN §4). The console is a separate
 * browser program, so it states the wire contract here instead of importing server modules.
 */

/** A release status. */
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

/** Every status the list filter offers, in the order shown. */
export const releaseStatuses: readonly ReleaseStatus[] = [
  'Running',
  'WaitingForApproval',
  'Succeeded',
  'RolledBack',
  'Rejected',
  'Expired',
  'Superseded',
  'Canceled',
  'Failed',
];

/** One check or hook of a stage. */
export interface CheckView {
  name: string;
  status: string;
  detail?: string;
}

/** One stage of a release. */
export interface StageView {
  name: string;
  status: string;
  startedAt?: string;
  finishedAt?: string;
  approval?: { by: string; at: string; comment?: string };
  /** Every approval of a stage with a quorum, in order. */
  approvals?: { by: string; at: string; comment?: string }[];
  checks: CheckView[];
}

/** One monitoring sample with its verdict. */
export interface SampleView {
  at: string;
  requests: number;
  errorRate: number | null;
  p95Ms: number | null;
  health: string;
  verdict: string;
  reason?: string;
}

/** The monitoring window of a release in production. */
export interface MonitorView {
  startedAt: string;
  endsAt: string;
  nextTickAt?: string;
  samples: SampleView[];
  verdict: string;
  step?: string;
  waitingForDecision?: { since: string; reason: string };
  /** What each sample is held against. */
  thresholds?: { errorRate: number; p95Ms: number; minRequests: number };
}

/** One canary step: the share of production traffic the slot got, and when. */
export interface CanaryStepView {
  percent: number;
  /** Absent while the step is pending. */
  startedAt?: string;
  finishedAt?: string;
}

/** The canary of a release: the step in progress (index), its state and all steps. */
export interface CanaryView {
  step: number;
  /** Share of production traffic the slot has now. */
  percent: number;
  state: 'routing' | 'judging' | 'waitingForPromotion' | 'swapping' | 'aborted' | 'promoted';
  steps: CanaryStepView[];
  /** While the canary waits for a promote of this step (index). */
  waitingForPromotion?: { step: number; since: string; reason: string };
}

/** Why and when a release was swapped back. */
export interface RollbackView {
  reason: string;
  evidence: Record<string, unknown>;
  at: string;
  detectedAt: string;
  decidedAt: string;
  swapBackCompletedAt?: string;
}

/** `GET /api/releases/{id}`. */
export interface ReleaseView {
  id: string;
  pipeline: string;
  image: string;
  tag?: string;
  digest: string;
  status: ReleaseStatus;
  stage: string;
  step: string;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  stages: StageView[];
  waitingFor?: {
    stage: string;
    since: string;
    expiresAt: string;
    approvers: string[];
    required?: number;
    approvals?: { by: string; at: string; comment?: string }[];
    stillNeeded?: number;
  };
  waitingForLock?: { site: string; heldBy: string };
  previousDigest?: string;
  swappedAt?: string;
  monitor?: MonitorView;
  rollback?: RollbackView;
  /** Canary steps (production strategy `canary`), when the release has them. */
  canary?: CanaryView;
  links: { self: string; approve: string; console?: string };
}

/** One line of `GET /api/releases`. */
export type ReleaseSummary = Pick<
  ReleaseView,
  | 'id'
  | 'pipeline'
  | 'image'
  | 'tag'
  | 'digest'
  | 'status'
  | 'stage'
  | 'step'
  | 'requestedBy'
  | 'createdAt'
  | 'updatedAt'
>;

/** `GET /api/releases`. */
export interface ReleaseList {
  releases: ReleaseSummary[];
  count: number;
}

/** `GET /api/pipelines/{name}/slots`. */
export interface SlotsView {
  pipeline: string;
  stages: {
    stage: string;
    site: string;
    slots: {
      name: string;
      image: string | null;
      digest: string | null;
      state: string;
      hostName: string;
    }[];
  }[];
}

/** `GET /api/health` (the parts the console reads). */
export interface HealthView {
  version: string;
  identity: { platformAuth: boolean; bearerTokens: boolean };
  pipelines: { name: string }[];
}
