/**
 * The contract between the production release orchestration and the `monitorRelease`
 * sub-orchestration (instance id `${releaseId}-monitor`). The parent calls
 * `callSubOrchestrator('monitorRelease', input, `${releaseId}-monitor`)` right after the
 * production swap and gets a {@link MonitorResult} back when the window ends or a rollback
 * finished. Both types are stored in durable history, so they hold no secrets.
 */
import type { PlannedStage, SampleView } from '../release/contract.js';

/** The monitor settings of a production stage, as snapshotted in the release plan. */
export type MonitorPlan = NonNullable<PlannedStage['monitor']>;

/** The production site a release was swapped into (no slot: production itself). */
export interface ProductionSite {
  subscription: string;
  resourceGroup: string;
  site: string;
}

/**
 * State carried from one execution of `monitorRelease` to the next when it continues as new
 * (to keep durable history bounded). Absent on the first execution.
 */
export interface MonitorCarry {
  /** Executions so far (0 on the first). */
  generation: number;
  /** Consecutive breaching samples at the end of the previous execution. */
  consecutiveBreaches: number;
  /** ISO time of the first breach of the current consecutive run (the detection time). */
  firstBreachAt?: string;
  /** Most recent samples, newest last, at most {@link maxRecentSamples}. */
  samples: SampleView[];
  /** Samples taken so far in the whole window. */
  sampleCount: number;
  /** ISO time monitoring began (the first execution's start). */
  startedAt: string;
}

/** How many recent samples the custom status and the carried state keep. */
export const maxRecentSamples = 20;

/** Input of `monitorRelease`. */
export interface MonitorInput {
  releaseId: string;
  pipeline: string;
  /** The production stage's name (looks up the App Insights resource and Slack URLs in config). */
  stage: string;
  /** The stage's monitor plan: window, interval, thresholds, policies. */
  plan: MonitorPlan;
  /** The production site; production is its main slot. */
  site: ProductionSite;
  /** The deployment slot swapped with production, which now holds the previous version. */
  slot: string;
  /** Host names production answers on (default host name and custom domains); scopes the query. */
  hostNames: string[];
  /** ISO time the forward swap completed; the query never reaches before it. */
  swappedAt: string;
  /** Digest production ran before the swap: what a rollback returns to. */
  previousDigest: string;
  /** Digest this release put into production. */
  newDigest: string;
  /** The new image (`registry/repo@sha256:…`), for notifications. */
  image: string;
  /** Carried state; undefined on the first execution. */
  carry?: MonitorCarry;
}

/** What made Slotpilot roll back. */
export type RollbackTrigger = 'breach' | 'health' | 'inconclusive' | 'alert' | 'manual';

/** Shared fields of a rollback outcome (the three timestamps are ISO, orchestration clock). */
export interface RollbackOutcomeBase {
  trigger: RollbackTrigger;
  /** One line, e.g. `errorRate 0.034 > 0.01 in 2 consecutive samples`. */
  reason: string;
  /** The numbers and thresholds that decided, or the alert/request details. */
  evidence: Record<string, unknown>;
  /** When the problem was first seen (first breaching sample, alert fired time, request time). */
  detectedAt: string;
  /** When Slotpilot decided to swap back. */
  decidedAt: string;
}

/** Result of `monitorRelease`. */
export type MonitorResult =
  | {
      outcome: 'healthy';
      /** Samples taken over the whole window. */
      samples: number;
      /** ISO time the window ended. */
      endedAt: string;
    }
  | (RollbackOutcomeBase & {
      outcome: 'rolledBack';
      /** When production was verified to serve the previous digest again. */
      swapBackCompletedAt: string;
    })
  | (RollbackOutcomeBase & {
      outcome: 'rollbackFailed';
      /** Why the swap back did not happen or did not verify (e.g. the slot runs another digest). */
      error: string;
      /** The `az` command a person runs to finish the rollback by hand. */
      command?: string;
    });

/** External event names `monitorRelease` accepts besides `releaseEvents.rollback`. */
export const monitorEvents = {
  /** {@link MonitorDecision}: the decision a paused (inconclusive) monitor waits for. */
  decision: 'monitorDecision',
} as const;

/** Payload of the `monitorDecision` event: resume watching or roll back. */
export interface MonitorDecision {
  decision: 'continue' | 'rollback';
  by: string;
  reason: string;
  at: string;
  /**
   * The `waitingForDecision.since` of the pause it answers: a monitor pauses more than once,
   * and a decision meant for an earlier pause must not answer it (it is ignored).
   */
  pausedSince?: string;
}

/** Instance id of a release's monitor sub-orchestration. */
export function monitorInstanceId(releaseId: string): string {
  return `${releaseId}-monitor`;
}

/** Instance id of a release's post-window rollback orchestration. */
export function rollbackInstanceId(releaseId: string): string {
  return `${releaseId}-rollback`;
}

/** Orchestrator names owned by monitoring (`monitorRelease` equals `orchestratorNames.monitor`). */
export const monitorOrchestratorNames = {
  monitor: 'monitorRelease',
  rollback: 'rollbackRelease',
} as const;

/**
 * Input of `rollbackRelease`, the manual rollback after the monitoring window ended: the
 * monitor's input (what was swapped where) plus who asked and why.
 */
export interface RollbackReleaseInput {
  monitor: Omit<MonitorInput, 'carry'>;
  request: { source: 'manual' | 'alert'; by: string; reason: string; at: string };
}

/** Result of `rollbackRelease`. `refused` means nothing was changed (see `error`). */
export type RollbackReleaseResult =
  | Extract<MonitorResult, { outcome: 'rolledBack' | 'rollbackFailed' }>
  | { outcome: 'refused'; error: string };
