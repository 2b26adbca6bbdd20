/** Contract between `releasePipeline` and its stage sub-orchestrations. */
import type { CheckView, PlannedStage, ReleaseStatus } from './contract.js';

/** Input of the `deployStage` and `productionRelease` sub-orchestrations (no secrets). */
export interface StageInput {
  releaseId: string;
  pipeline: string;
  image: string;
  digest: string;
  tag?: string;
  stage: PlannedStage;
}

/** What a stage sub-orchestration returns; never thrown, always returned. */
export interface StageResult {
  stage: string;
  /** `Canceled`: a cancel arrived before the swap and the stage stopped. */
  status: 'Succeeded' | 'Failed' | 'RolledBack' | 'Canceled';
  /** Why it failed or rolled back, for humans. */
  reason?: string;
  checks: CheckView[];
  startedAt: string;
  finishedAt: string;
  /** Production stages: the digest production ran before the swap. */
  previousDigest?: string;
  swappedAt?: string;
}

/**
 * The custom status of a stage sub-orchestration while it runs: the live detail of the stage
 * the release view shows (merge with {@link ReleaseCustomStatus} via `mergeStageProgress`).
 */
export interface StageProgress {
  stage: string;
  step: string;
  updatedAt: string;
  checks: CheckView[];
  waitingForLock?: { site: string; heldBy: string };
  previousDigest?: string;
  swappedAt?: string;
  /**
   * Ids of the hook calls whose callback the stage waits for now: the callback route accepts a
   * result only for one of these (not shown in the release view).
   */
  awaitingCallbacks?: string[];
}

/**
 * A callback hook's result as the callback route raises it on the waiting stage (event
 * {@link hookEventName}), once the hook's callback token checked out.
 */
export interface HookCallback {
  status: 'passed' | 'failed';
  detail?: string;
  /** The hook call it answers (see `HookCallbackRecord`); a result for another call is ignored. */
  callbackId: string;
}

/** The output of `releasePipeline`: the final status and why. */
export interface ReleaseOutcome {
  status: ReleaseStatus;
  stage: string;
  reason?: string;
}
