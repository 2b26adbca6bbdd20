import type { CanaryCustomStatus } from '../canary/contract.js';
import {
  mergeStageProgress,
  type ReleaseCustomStatus,
  type ReleaseStatus,
  type StageView,
} from '../release/index.js';
import type { DurableStatusLike } from './DurableStatusLike.js';
import { effectiveStatus } from './effectiveStatus.js';
import { readCanaryStatus } from './readCanaryStatus.js';
import {
  type MonitorCustomStatus,
  readCustomStatus,
  readMonitorStatus,
} from './readCustomStatus.js';
import { readReleaseInput, type ReleaseInputFacts } from './readReleaseInput.js';
import { readRollbackRequest, type RollbackRequestView } from './readRollbackRequest.js';
import { readStageProgress } from './readStageProgress.js';
import type { MonitorView, ReleaseLinks, ReleaseView } from './ReleaseView.js';
import { toIso } from './toIso.js';

/** What a release view is assembled from. */
export interface ReleaseViewSources {
  /** The `releasePipeline` instance status, with input. */
  release: DurableStatusLike;
  /**
   * The sub-orchestration of the stage in progress (`stageInstanceId(id, stage)`, see
   * `stageInProgress`), when it exists: its custom status holds the stage's live checks.
   */
  stage?: DurableStatusLike;
  /** The `${id}-monitor` sub-orchestration status, when it exists. */
  monitor?: DurableStatusLike;
  /** The `${id}-rollback` orchestration (a manual rollback after the window), when it exists. */
  rollback?: DurableStatusLike;
  /** The `${id}-canary` sub-orchestration (canary steps before the swap), when it exists. */
  canary?: DurableStatusLike;
  links: ReleaseLinks;
}

/** Runtime statuses of an orchestration that is still going (it may yet publish more). */
const live: ReadonlySet<string> = new Set(['Running', 'Pending', 'ContinuedAsNew']);

/**
 * Assembles the release view (DESIGN §4). Before the orchestration publishes anything the
 * stages come from the plan snapshot in its input, all Pending. While a stage runs, its
 * sub-orchestration's progress (checks and hooks as they run, step) is laid over the
 * release's own status. Monitoring and rollback come from the monitor sub-orchestration when
 * it published them (it is the fresher source), else from the release's own custom status;
 * while the monitor runs, its step is the release's step and a decision it waits for shows
 * as `monitor.waitingForDecision`. A later `${id}-rollback` orchestration's rollback wins over
 * both, and once it reports RolledBack so does the release; its phase and outcome (refused
 * included) show as `rollbackRequest`. Pure.
 */
export function buildReleaseView(sources: ReleaseViewSources): ReleaseView {
  const { release } = sources;
  const parts = readParts(sources);
  const standing = standingOf(sources, parts);
  const { input, custom } = parts;
  const stages: StageView[] =
    custom?.stages ??
    input.plan.stages.map((s) => ({ name: s.name, status: 'Pending', checks: [] }));
  return {
    id: release.instanceId,
    pipeline: input.pipeline,
    image: input.image,
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    digest: input.digest,
    status: standing.status,
    stage: custom?.stage ?? stages[0]?.name ?? '',
    step: currentStep(parts, standing),
    requestedBy: input.requestedBy,
    createdAt: toIso(release.createdTime),
    updatedAt: custom?.updatedAt ?? toIso(release.lastUpdatedTime),
    stages,
    ...(custom?.waitingFor === undefined || standing.ended
      ? {}
      : { waitingFor: custom.waitingFor }),
    ...(custom?.waitingForLock === undefined || standing.ended
      ? {}
      : { waitingForLock: custom.waitingForLock }),
    ...(custom?.previousDigest === undefined ? {} : { previousDigest: custom.previousDigest }),
    ...(custom?.swappedAt === undefined ? {} : { swappedAt: custom.swappedAt }),
    ...monitoringParts(parts, standing, input.plan),
    links: sources.links,
  };
}

/** What each source published, read defensively. */
interface Parts {
  input: ReleaseInputFacts;
  /** The release's own status with the stage in progress laid over it. */
  custom: ReleaseCustomStatus | undefined;
  monitor: MonitorCustomStatus | undefined;
  /** The `${id}-rollback` orchestration's status (a rollback after the window). */
  lateRollback: MonitorCustomStatus | undefined;
  canary: CanaryCustomStatus | undefined;
  rollbackRequest: RollbackRequestView | undefined;
}

function readParts(sources: ReleaseViewSources): Parts {
  const published = readCustomStatus(sources.release.customStatus);
  return {
    input: readReleaseInput(sources.release.input, sources.release.instanceId),
    custom:
      published === undefined
        ? undefined
        : mergeStageProgress(published, readStageProgress(sources.stage?.customStatus)),
    monitor: readMonitorStatus(sources.monitor?.customStatus),
    lateRollback: readMonitorStatus(sources.rollback?.customStatus),
    canary: readCanaryStatus(sources.canary?.customStatus),
    rollbackRequest:
      sources.rollback === undefined ? undefined : readRollbackRequest(sources.rollback),
  };
}

/** Where the release stands, and which of its sub-orchestrations still speak for it. */
interface Standing {
  status: ReleaseStatus;
  /** A late rollback rolled the release back (its status wins). */
  rolledBackLate: boolean;
  /** The orchestration ended past its last published status (failed, terminated, …). */
  ended: boolean;
  monitorLive: boolean;
  canaryLive: boolean;
}

function standingOf(sources: ReleaseViewSources, parts: Parts): Standing {
  const { release } = sources;
  const rolledBackLate = parts.lateRollback?.status === 'RolledBack';
  const status = rolledBackLate
    ? 'RolledBack'
    : effectiveStatus(release.runtimeStatus, parts.custom?.status, release.output);
  const ended = status !== parts.custom?.status && status !== 'Running' && !rolledBackLate;
  const isLive = (child: DurableStatusLike | undefined): boolean =>
    child !== undefined && live.has(child.runtimeStatus) && !ended;
  return {
    status,
    rolledBackLate,
    ended,
    monitorLive: isLive(sources.monitor),
    canaryLive: isLive(sources.canary),
  };
}

/** The newest thing under way: a shown rollback's, else the live monitor's or canary's step. */
function currentStep(parts: Parts, standing: Standing): string {
  if (standing.ended) return `ended: ${standing.status}`;
  const { rollbackRequest, monitor, canary } = parts;
  // A rollback in progress, done or refused is the latest thing that happened to the release.
  const rollbackShown =
    standing.rolledBackLate ||
    (rollbackRequest !== undefined && rollbackRequest.phase !== 'failed');
  const rollbackStep = rollbackShown ? rollbackRequest?.step : undefined;
  const monitorStep = standing.monitorLive
    ? monitor?.step
    : standing.canaryLive && canary?.step !== ''
      ? canary?.step
      : undefined;
  return rollbackStep ?? monitorStep ?? parts.custom?.step ?? 'starting';
}

/** `monitor`, `canary`, `rollback` and `rollbackRequest`, each from its freshest source. */
function monitoringParts(
  parts: Parts,
  standing: Standing,
  plan: ReleaseInputFacts['plan'],
): Pick<ReleaseView, 'monitor' | 'canary' | 'rollback' | 'rollbackRequest'> {
  const { custom, canary, rollbackRequest } = parts;
  const monitor = withThresholds(
    monitorView(parts.monitor, standing.monitorLive) ?? custom?.monitor,
    plan.stages.find((s) => s.monitor !== undefined)?.monitor?.thresholds,
  );
  const rollback =
    parts.lateRollback?.rollback ?? parts.monitor?.rollback ?? canary?.rollback ?? custom?.rollback;
  return {
    ...(monitor === undefined ? {} : { monitor }),
    ...(canary === undefined ? {} : { canary: canary.canary }),
    ...(rollback === undefined ? {} : { rollback }),
    ...(rollbackRequest === undefined ? {} : { rollbackRequest }),
  };
}

function withThresholds(
  monitor: MonitorView | undefined,
  thresholds: MonitorView['thresholds'],
): MonitorView | undefined {
  if (monitor === undefined || thresholds === undefined) return monitor;
  return { ...monitor, thresholds: { ...thresholds } };
}

/** The monitor part from the monitor sub-orchestration; its decision wait only while it runs. */
function monitorView(
  parts: MonitorCustomStatus | undefined,
  monitorLive: boolean,
): MonitorView | undefined {
  if (parts?.monitor === undefined) return undefined;
  const waiting = monitorLive ? parts.waitingForDecision : undefined;
  return {
    ...parts.monitor,
    ...(parts.step === undefined ? {} : { step: parts.step }),
    ...(waiting === undefined ? {} : { waitingForDecision: waiting }),
  };
}
