/**
 * The contract between `productionRelease` and its `canaryRelease` sub-orchestration
 * (instance id `${releaseId}-canary`), and between the API and the canary (the `promote`
 * event). Both travel through durable history, so they hold no secrets.
 */
import type { MonitorPlan, ProductionSite, RollbackTrigger } from '../monitor/contract.js';
import type { CanaryPlan, RollbackProgress, SampleView } from '../release/contract.js';

/** Input of `canaryRelease`. */
export interface CanaryInput {
  releaseId: string;
  pipeline: string;
  /** The production stage's name (Slack URLs come from config by pipeline and stage). */
  stage: string;
  canary: CanaryPlan;
  /** Thresholds, interval, lookback, failureLimit, inconclusive policy and health probe. */
  monitor: MonitorPlan;
  site: ProductionSite;
  /** The deployment slot that runs the new digest and receives the canary share. */
  slot: string;
  previousDigest: string;
  newDigest: string;
  image: string;
}

/** One step of a canary as the release view shows it. */
export interface CanaryStepView {
  percent: number;
  status: 'pending' | 'running' | 'passed' | 'inconclusive' | 'failed' | 'aborted';
  startedAt?: string;
  finishedAt?: string;
  /** Samples of this step, newest last (at most {@link maxStepSamples}). */
  samples: SampleView[];
  /** Who promoted it early (`POST /promote`), when someone did. */
  promotedBy?: string;
}

/** The `canary` part of the release view. */
export interface CanaryView {
  /** Index of the current (or last) step in `steps`. */
  step: number;
  /** Share of production traffic the slot has now (0 after an abort or the swap). */
  percent: number;
  state: 'routing' | 'judging' | 'waitingForPromotion' | 'swapping' | 'aborted' | 'promoted';
  steps: CanaryStepView[];
  /** While waiting for `POST /promote` (pauseForApproval or an inconclusive step under `pause`). */
  waitingForPromotion?: { step: number; since: string; reason: string };
  /** Where samples come from and what the latency number means. */
  source: string;
}

/** Samples kept per step in the view. */
export const maxStepSamples = 5;

/** What `canaryRelease` ended in. */
export type CanaryResult =
  | { outcome: 'promoted'; steps: number; endedAt: string }
  | {
      outcome: 'aborted';
      /** `manual` for a manual rollback and for a cancel (evidence.source says which). */
      trigger: RollbackTrigger;
      reason: string;
      evidence: Record<string, unknown>;
      detectedAt: string;
      decidedAt: string;
      /** When the routing rule was verified at 0 % (the "done" time of the abort). */
      shareZeroAt: string;
    }
  | { outcome: 'abortFailed'; reason: string; error: string };

/** External events `canaryRelease` accepts besides `releaseEvents.rollback` and `cancel`. */
export const canaryEvents = {
  /** {@link PromoteRequest}: go to the next step now. */
  promote: 'promote',
} as const;

/** Payload of the `promote` event (compare-and-set on the step it promotes). */
export interface PromoteRequest {
  /** Index of the step the caller saw running: a promote for any other step is ignored. */
  fromStep: number;
  by: string;
  at: string;
  /** Unique per API call: the canary names the winning request in its status. */
  requestId: string;
  reason?: string;
}

/** Instance id of a release's canary sub-orchestration. */
export function canaryInstanceId(releaseId: string): string {
  return `${releaseId}-canary`;
}

/** Orchestrator name of the canary. */
export const canaryOrchestratorName = 'canaryRelease';

/**
 * The canary's custom status: the `canary` and `rollback` parts of the release view, its own
 * step, and the promote requests it accepted (by step), which the promote API reads back to
 * answer 202 to the winner and 409 to the others.
 */
export interface CanaryCustomStatus {
  step: string;
  updatedAt: string;
  canary: CanaryView;
  rollback?: RollbackProgress;
  /** Accepted promotions: step index → the request that won it. */
  promotions: Record<string, { requestId: string; by: string; at: string }>;
  status?: 'RolledBack' | 'Failed';
}
