import type { ReleaseCustomStatus, ReleaseStatus, StageView } from '../release/index.js';

/** Links a release view carries. */
export interface ReleaseLinks {
  /** `GET` this release view. */
  self: string;
  /** `POST {stage, comment?}` here to approve the stage it waits for. */
  approve: string;
  /** The durable status URL (`statusQueryGetUri`). */
  status: string;
}

/**
 * A release as the HTTP API shows it (DESIGN §4): the orchestration's custom status merged
 * with the durable status and the monitor sub-orchestration's custom status.
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
  /** Human-readable step, e.g. `waiting for approval`. */
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
  monitor?: NonNullable<ReleaseCustomStatus['monitor']>;
  rollback?: NonNullable<ReleaseCustomStatus['rollback']>;
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
