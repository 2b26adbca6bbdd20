import type { ReleaseCustomStatus } from '../release/index.js';
import { isReleaseStatus } from './effectiveStatus.js';

/**
 * The custom status of a `releasePipeline` instance, or undefined when it has published none
 * yet (or something that is not a release status, e.g. from another version).
 */
export function readCustomStatus(value: unknown): ReleaseCustomStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const status = value as Partial<ReleaseCustomStatus>;
  if (!isReleaseStatus(status.status) || !Array.isArray(status.stages)) return undefined;
  return status as ReleaseCustomStatus;
}

/** The `monitor` and `rollback` parts a `${id}-monitor` sub-orchestration publishes. */
export type MonitorCustomStatus = Pick<ReleaseCustomStatus, 'monitor' | 'rollback'>;

/** Reads a monitor sub-orchestration's custom status; undefined when it holds neither part. */
export function readMonitorStatus(value: unknown): MonitorCustomStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const status = value as MonitorCustomStatus;
  const monitor = typeof status.monitor === 'object' ? status.monitor : undefined;
  const rollback = typeof status.rollback === 'object' ? status.rollback : undefined;
  if (monitor === undefined && rollback === undefined) return undefined;
  return {
    ...(monitor === undefined ? {} : { monitor }),
    ...(rollback === undefined ? {} : { rollback }),
  };
}
