/**
 * Inputs and outputs of the monitoring activities; their names are in the one table of
 * `../contracts.ts`. Inputs carry no secrets: the App Insights resource and Slack URLs are
 * looked up in config by pipeline and stage.
 */
import type { SwapHandle } from '../../azure/ports/index.js';
import type { ProductionSite, RollbackTrigger } from '../../domain/monitor/contract.js';
import type { SampleHealth, SampleStats } from '../../domain/monitor/ProductionSample.js';

/** The health probe part of `monitorSampleProduction`: GET production's health path once. */
export interface ProbeHealthInput {
  site: ProductionSite;
  path: string;
  timeoutMs: number;
}

/** What the health probe saw. */
export type ProbeHealthOutput = SampleHealth & { servedDigest?: string };

/**
 * Input of `monitorQueryRequests`: request statistics of production over one window.
 * Read-only; throws on a failed query (the orchestrator retries with durable timers and then
 * records the sample as inconclusive, never as a pass).
 */
export interface QueryRequestsInput {
  pipeline: string;
  stage: string;
  table: 'AppRequests' | 'requests';
  hostNames: string[];
  fromIso: string;
  toIso: string;
}

/** Output of `monitorQueryRequests`. */
export type QueryRequestsOutput = SampleStats;

/** Input of `monitorSampleProduction`: one tick's probe and (when a window exists) query, at once. */
export interface SampleProductionInput {
  probe: ProbeHealthInput;
  query?: QueryRequestsInput;
}

/**
 * Output of `monitorSampleProduction`. Never throws for a failed read: a probe that could not
 * run is `health.unknown`, a failed query is `queryError` with its retry advice.
 */
export interface SampleProductionOutput {
  health: ProbeHealthOutput & { unknown?: boolean };
  stats?: QueryRequestsOutput;
  queryError?: { message: string; retryable: boolean; afterMs?: number };
}

/** Input of `monitorBeginSwapBack`. */
export interface BeginSwapBackInput {
  releaseId: string;
  site: ProductionSite;
  /** The slot that holds the previous version since the forward swap. */
  slot: string;
  previousDigest: string;
  newDigest: string;
}

/**
 * Output of `monitorBeginSwapBack`. Idempotent: `alreadyRolledBack` when production already
 * runs the previous digest (never swap twice); the same `started` handle again when a swap
 * back of this release was already started; `refused` (nothing changed) when the slot no
 * longer runs the previous digest.
 */
export type BeginSwapBackOutput =
  | { kind: 'started'; handle: SwapHandle }
  | { kind: 'alreadyRolledBack' }
  | { kind: 'refused'; detail: string; slotDigest?: string }
  /** A swap of this site is running (e.g. one this activity started before a crash): look again later. */
  | { kind: 'busy'; detail: string };

/** Input of `monitorVerifyProduction`: does production run and serve `digest` healthily? */
export interface VerifyProductionInput {
  site: ProductionSite;
  digest: string;
  healthPath: string;
  timeoutMs: number;
}

/** Output of `monitorVerifyProduction`. Read-only. */
export interface VerifyProductionOutput {
  ok: boolean;
  configuredDigest?: string;
  servedDigest?: string;
  status: number;
  detail: string;
}

/** Input of `monitorNotifyRollback`: the critical Slack message of a rollback. Sent once per release and outcome. */
export interface NotifyRollbackInput {
  releaseId: string;
  pipeline: string;
  stage: string;
  image: string;
  outcome: 'rolledBack' | 'rollbackFailed';
  trigger: RollbackTrigger;
  reason: string;
  evidence: Record<string, unknown>;
  detectedAt: string;
  decidedAt: string;
  swapBackCompletedAt?: string;
  error?: string;
  /** For a failed rollback: the `az` command a person runs to finish it. */
  command?: string;
}

/**
 * Input of `monitorPageRollback`: a critical page while a rollback is held up by transient
 * failures (throttling, outages) and Slotpilot keeps retrying. Sent once per `page` number.
 */
export interface PageRollbackInput {
  releaseId: string;
  pipeline: string;
  stage: string;
  image: string;
  /** 1 for the first page of this rollback, then 2, 3, … at the paging pace. */
  page: number;
  /** ISO time the first attempt of the rollback failed. */
  since: string;
  /** Failed attempts so far. */
  failures: number;
  /** The last failure, one line. */
  error: string;
  /** The `az` command that swaps back by hand, should a person not want to wait. */
  command: string;
}
