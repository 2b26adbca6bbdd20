import type { StartRefusal } from '../identity/inputSeal.js';
import type { ReleaseCustomStatus, ReleaseStatus, StageView } from '../release/index.js';
import type { CanaryReleaseView } from './readCanaryStatus.js';
import type { MonitorDecisionWait } from './readCustomStatus.js';

/** Links a release view carries. */
export interface ReleaseLinks {
  /** `GET` this release view. */
  self: string;
  /** `POST {stage, comment?}` here to approve the stage it waits for. */
  approve: string;
  /** The durable status URL (`statusQueryGetUri`). */
  status: string;
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
  waitingForDecision?: MonitorDecisionWait;
};

/**
 * A release status (DESIGN §4), or `Unknown`: the release's durable record was replaced by a
 * start outside the API that Slotpilot refused, and its original outcome could not be
 * recovered from the audit trail (see {@link StartRefusedView}).
 */
export type ViewStatus = ReleaseStatus | 'Unknown';

/**
 * Present when the release instance's latest execution is a start its first step refused
 * (through the Durable HTTP API: a finished release started again with its own sealed input,
 * or an unsealed input). That execution did nothing but audit the refusal; the view shows the
 * release's original outcome instead, from its audit trail.
 */
export interface StartRefusedView {
  /** `alreadyRan` (sealed input run again), `notSealed`, or `unverified` (the check kept failing). */
  refusal: StartRefusal;
  /** The same, for humans. */
  reason: string;
  /** When the refused start ran. */
  at: string;
  /** For `alreadyRan`: when the original execution started. */
  firstStartedAt?: string;
  /**
   * Where `status` and `stages` come from: `recovered` — the original outcome, from the audit
   * trail; `unknown` — the release ran before but its outcome could not be recovered (status
   * `Unknown`); `none` — no earlier run is recorded (the refused start is all there was: Failed).
   */
  original: 'recovered' | 'unknown' | 'none';
}

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
  status: ViewStatus;
  /** The stage in progress, or the last one. */
  stage: string;
  /**
   * Human-readable step, e.g. `waiting for approval`, `running verify hooks`; the monitor's
   * own step while it watches production.
   */
  step: string;
  /** Who started it: `acr:<actor>` for a push, an email for a manual start. */
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
  /** The latest start of this release instance was refused (see {@link StartRefusedView}). */
  startRefused?: StartRefusedView;
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
  | 'startRefused'
> & { links: Pick<ReleaseLinks, 'self'> };
