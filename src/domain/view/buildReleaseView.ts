import type { StageView } from '../release/index.js';
import type { DurableStatusLike } from './DurableStatusLike.js';
import { effectiveStatus } from './effectiveStatus.js';
import { readCustomStatus, readMonitorStatus } from './readCustomStatus.js';
import { readReleaseInput } from './readReleaseInput.js';
import type { ReleaseLinks, ReleaseView } from './ReleaseView.js';
import { toIso } from './toIso.js';

/** What a release view is assembled from. */
export interface ReleaseViewSources {
  /** The `releasePipeline` instance status, with input. */
  release: DurableStatusLike;
  /** The `${id}-monitor` sub-orchestration status, when it exists. */
  monitor?: DurableStatusLike;
  /** The `${id}-rollback` orchestration (a manual rollback after the window), when it exists. */
  rollback?: DurableStatusLike;
  links: ReleaseLinks;
}

/**
 * Assembles the release view (DESIGN §4). Before the orchestration publishes anything the
 * stages come from the plan snapshot in its input, all Pending. Monitoring and rollback come
 * from the monitor sub-orchestration when it published them (it is the fresher source), else
 * from the release's own custom status; a later `${id}-rollback` orchestration's rollback
 * wins over both, and once it reports RolledBack so does the release. Pure.
 */
export function buildReleaseView(sources: ReleaseViewSources): ReleaseView {
  const { release, links } = sources;
  const input = readReleaseInput(release.input, release.instanceId);
  const custom = readCustomStatus(release.customStatus);
  const monitorParts = readMonitorStatus(sources.monitor?.customStatus);
  const lateRollback = readMonitorStatus(sources.rollback?.customStatus);
  const rolledBackLate = lateRollback?.status === 'RolledBack';
  const status = rolledBackLate
    ? 'RolledBack'
    : effectiveStatus(release.runtimeStatus, custom?.status, release.output);
  const stages: StageView[] =
    custom?.stages ??
    input.plan.stages.map((s) => ({ name: s.name, status: 'Pending', checks: [] }));
  const monitor = monitorParts?.monitor ?? custom?.monitor;
  const rollback = lateRollback?.rollback ?? monitorParts?.rollback ?? custom?.rollback;
  const rollbackActive = sources.rollback?.runtimeStatus === 'Running' || rolledBackLate;
  const rollbackStep = rollbackActive ? lateRollback?.step : undefined;
  const ended = status !== custom?.status && status !== 'Running' && !rolledBackLate;
  return {
    id: release.instanceId,
    pipeline: input.pipeline,
    image: input.image,
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    digest: input.digest,
    status,
    stage: custom?.stage ?? stages[0]?.name ?? '',
    step: ended ? `ended: ${status}` : (rollbackStep ?? custom?.step ?? 'starting'),
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
    ...(rollback === undefined ? {} : { rollback }),
    links,
  };
}
