import type { ReleaseCustomStatus, ReleaseStatus, StageView } from '../release/index.js';
import type { CanaryReleaseView } from './readCanaryStatus.js';
import type { MonitorDecisionWait } from './readCustomStatus.js';
import type { RollbackRequestView } from './readRollbackRequest.js';

/** Links a release view carries. */
export interface ReleaseLinks {
  /** `GET` this release view. */
  self: string;
  /** `POST {stage, comment?}` here to approve the stage it waits for. */
  approve: string;
  /** This release in the web console (`/api/console#/releases/{id}`), for people. */
  console?: string;
}

/**
 * The monitoring part of a release view: window, samples and verdict, plus what the
 * `${id}-monitor` sub-orchestration says it is doing (`step`, e.g. `watching (next tick …)`)
 * and, while it is paused on inconclusive samples, the decision it waits for (answer with
 * `POST /api/releases/{id}/resume` or `/rollback`).
 */
export type MonitorView = NonNullable<ReleaseCustomStatus['monitor']> & {
  step?: string;
  /** What each sample is held against (the production stage's plan), for charts. */
  thresholds?: { errorRate: number; p95Ms: number; minRequests: number };
  waitingForDecision?: MonitorDecisionWait;
};

/**
 * A release as the HTTP API shows it (DESIGN §4): the orchestration's custom status merged
 * with the durable status, the live progress of the stage sub-orchestration in progress
 * (its checks and hooks as they run) and the monitor sub-orchestration's custom status.
 */
export interface ReleaseView {
  id: string;
  pipeline: string;
  /** `registry/repository@sha256:…`. */
  image: string;
  /** The pushed tag, display only; undefined when started by digest. */
  tag?: string;
  digest: string;
  status: ReleaseStatus;
  /** The stage in progress, or the last one. */
  stage: string;
  /**
   * Human-readable step, e.g. `waiting for approval`, `running verify hooks`; the monitor's
   * own step while it watches production.
   */
  step: string;
  /** Who started it: the pusher's ACR actor for a push, an email for a manual start. */
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
  stages: StageView[];
  waitingFor?: ReleaseCustomStatus['waitingFor'];
  waitingForLock?: ReleaseCustomStatus['waitingForLock'];
  previousDigest?: string;
  swappedAt?: string;
  monitor?: MonitorView;
  /**
   * A canary production stage (`strategy: {canary}`): the step in progress (index), the
   * slot's share of production traffic now, and each step's percentage, status and samples
   * of the slot's own traffic; `waitingForPromotion` while it waits for `POST /promote`.
   */
  canary?: CanaryReleaseView;
  rollback?: NonNullable<ReleaseCustomStatus['rollback']>;
  /**
   * The last rollback asked for after the monitoring window: in progress (`checking`,
   * `rollingBack`) or how it ended (`rolledBack`, `refused` with why, `failed`).
   */
  rollbackRequest?: RollbackRequestView;
  links: ReleaseLinks;
}

/** One line of the release list: the view without per-stage detail and monitoring samples. */
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
> & { links: Pick<ReleaseLinks, 'self'> };
