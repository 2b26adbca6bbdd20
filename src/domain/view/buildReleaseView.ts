import { mergeStageProgress, type StageView } from '../release/index.js';
import type { DurableStatusLike } from './DurableStatusLike.js';
import { effectiveStatus } from './effectiveStatus.js';
import { readCanaryStatus } from './readCanaryStatus.js';
import { readCustomStatus, readMonitorStatus } from './readCustomStatus.js';
import { readReleaseInput } from './readReleaseInput.js';
import { readRollbackRequest } from './readRollbackRequest.js';
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
  const { release, links } = sources;
  const input = readReleaseInput(release.input, release.instanceId);
  const published = readCustomStatus(release.customStatus);
  const custom =
    published === undefined
      ? undefined
      : mergeStageProgress(published, readStageProgress(sources.stage?.customStatus));
  const monitorParts = readMonitorStatus(sources.monitor?.customStatus);
  const lateRollback = readMonitorStatus(sources.rollback?.customStatus);
  const rolledBackLate = lateRollback?.status === 'RolledBack';
  const status = rolledBackLate
    ? 'RolledBack'
    : effectiveStatus(release.runtimeStatus, custom?.status, release.output);
  const stages: StageView[] =
    custom?.stages ??
    input.plan.stages.map((s) => ({ name: s.name, status: 'Pending', checks: [] }));
  const ended = status !== custom?.status && status !== 'Running' && !rolledBackLate;
  const monitorLive =
    sources.monitor !== undefined && live.has(sources.monitor.runtimeStatus) && !ended;
  const monitor = withThresholds(
    monitorView(monitorParts, monitorLive) ?? custom?.monitor,
    input.plan.stages.find((s) => s.monitor !== undefined)?.monitor?.thresholds,
  );
  const canaryParts = readCanaryStatus(sources.canary?.customStatus);
  const canaryLive =
    sources.canary !== undefined && live.has(sources.canary.runtimeStatus) && !ended;
  const rollback =
    lateRollback?.rollback ?? monitorParts?.rollback ?? canaryParts?.rollback ?? custom?.rollback;
  const rollbackRequest =
    sources.rollback === undefined ? undefined : readRollbackRequest(sources.rollback);
  // A rollback in progress, done or refused is the latest thing that happened to the release.
  const rollbackShown =
    rolledBackLate || (rollbackRequest !== undefined && rollbackRequest.phase !== 'failed');
  const rollbackStep = rollbackShown ? rollbackRequest?.step : undefined;
  const monitorStep = monitorLive
    ? monitorParts?.step
    : canaryLive && canaryParts?.step !== ''
      ? canaryParts?.step
      : undefined;
  return {
    id: release.instanceId,
    pipeline: input.pipeline,
    image: input.image,
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    digest: input.digest,
    status,
    stage: custom?.stage ?? stages[0]?.name ?? '',
    step: ended ? `ended: ${status}` : (rollbackStep ?? monitorStep ?? custom?.step ?? 'starting'),
    requestedBy: input.requestedBy,
    createdAt: toIso(release.createdTime),
    updatedAt: custom?.updatedAt ?? toIso(release.lastUpdatedTime),
    stages,
    ...(custom?.waitingFor === undefined || ended ? {} : { waitingFor: custom.waitingFor }),
    ...(custom?.waitingForLock === undefined || ended
      ? {}
      : { waitingForLock: custom.waitingForLock }),
    ...(custom?.previousDigest === undefined ? {} : { previousDigest: custom.previousDigest }),
    ...(custom?.swappedAt === undefined ? {} : { swappedAt: custom.swappedAt }),
    ...(monitor === undefined ? {} : { monitor }),
    ...(canaryParts === undefined ? {} : { canary: canaryParts.canary }),
    ...(rollback === undefined ? {} : { rollback }),
    ...(rollbackRequest === undefined ? {} : { rollbackRequest }),
    links,
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
  parts: ReturnType<typeof readMonitorStatus>,
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
