/** Contract of the production lock and of stage sub-orchestration instance ids. */

/**
 * Events the `productionLock` orchestration accepts. None today: the holder releases the lock
 * by terminating it (an event wait raced against a timer would leave a stale waiter that
 * swallows the next event of that name).
 */
export const lockEvents = {
  /** Unused; kept for compatibility. */
  release: 'release',
} as const;

/** Payload of the (unused) lock `release` event. */
export interface LockRelease {
  holder: string;
}

/** Payload of a self-raised event that only clears a stale waiter (see `flushEvent`). */
export interface FlushMarker {
  flush: true;
}

/** Input of the `productionLock` orchestration. */
export interface ProductionLockInput {
  site: string;
  /** Instance id of the `productionRelease` that holds the lock. */
  holder: string;
  /** The release the holder belongs to (shown as `waitingForLock.heldBy`). */
  releaseId: string;
}

/** The custom status of a running `productionLock`: whom the site's production phase belongs to. */
export interface ProductionLockStatus {
  heldBy: string;
  holder: string;
}

/** Instance id of the production lock of `site` (one instance at a time per site). */
export function productionLockId(site: string): string {
  return `lock-${site}`;
}

/**
 * Instance id of the sub-orchestration that runs `stage` of a release (`deployStage` or
 * `productionRelease`). Its custom status is a {@link StageProgress}; hook callbacks are
 * raised on it.
 */
export function stageInstanceId(releaseId: string, stage: string): string {
  return `${releaseId}-${stage}`;
}
