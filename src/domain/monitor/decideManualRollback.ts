/** What a manual rollback request is decided from: the release's monitor and its last rollback. */
export interface ManualRollbackFacts {
  releaseId: string;
  /** The `${id}-monitor` sub-orchestration of the release's production run. */
  monitor: {
    /** Still in its window (running, pending or continued as new). */
    live: boolean;
    /** When the monitored run swapped (`MonitorInput.swappedAt`): names that run's decisions. */
    swappedAt: string;
    /** While paused on an inconclusive sample (policy `pause`): since when. */
    pausedSince?: string;
    /** Its result's `outcome` once it ended (`rolledBack`, `passed`, …). */
    outcome?: string;
  };
  /** The last `${id}-rollback` orchestration (a rollback asked for after the window), if any. */
  lastRollback?: {
    live: boolean;
    /** Its result's `outcome` once it ended (`rolledBack`, `refused`, `rollbackFailed`). */
    outcome?: string;
    /** ISO time it was created: a retry after a refusal is a new decision. */
    createdAt: string;
  };
}

/**
 * How to serve `POST /api/releases/{id}/rollback` once the caller may roll the release back:
 * - `raise`: the monitor is in its window: raise `rollback` on it (it swaps back at once);
 * - `start`: the window is over: start `rollbackRelease`, which swaps back only while the
 *   slot still holds the previous digest (its outcome shows in the release view);
 * - `refuse`: a 409, e.g. the release was rolled back already.
 * `slot` is the compare-and-set claim the decision takes (see `decideOnce`): one rollback per
 * production run; while the monitor is paused, a rollback and a resume of that pause compete;
 * after a refused rollback (nothing changed) a new request is a new decision. Pure.
 *
 * @example decideManualRollback({ releaseId: 'r', monitor: { live: true, swappedAt: 't' } })
 * // { kind: 'raise', slot: ['r', 't', 'rollback'] }
 */
export function decideManualRollback(facts: ManualRollbackFacts): ManualRollbackRoute {
  const { releaseId, monitor, lastRollback } = facts;
  const run = [releaseId, monitor.swappedAt];
  if (monitor.live) {
    const since = monitor.pausedSince;
    return {
      kind: 'raise',
      slot: since === undefined ? [...run, 'rollback'] : [...run, 'monitor', since],
    };
  }
  if (monitor.outcome === 'rolledBack' || lastRollback?.outcome === 'rolledBack') {
    return { kind: 'refuse', reason: `Release ${releaseId} was rolled back already.` };
  }
  const retry =
    lastRollback !== undefined && !lastRollback.live && lastRollback.outcome === 'refused';
  return {
    kind: 'start',
    slot: retry
      ? [...run, 'rollback', 'after refusal', lastRollback.createdAt]
      : [...run, 'rollback'],
  };
}

/** The decision of {@link decideManualRollback}. */
export type ManualRollbackRoute =
  | { kind: 'raise'; slot: string[] }
  | { kind: 'start'; slot: string[] }
  | { kind: 'refuse'; reason: string };
