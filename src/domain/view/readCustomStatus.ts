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

/** A monitor paused on an inconclusive sample (policy `pause`), waiting for resume or rollback. */
export interface MonitorDecisionWait {
  /** ISO time it paused. */
  since: string;
  /** Why, e.g. `inconclusive: 3 requests < minRequests 50`. */
  reason: string;
}

/**
 * What a `${id}-monitor` or `${id}-rollback` orchestration publishes: the `monitor` and
 * `rollback` parts of the release view, its own step, a decision it waits for, and the
 * final status it implies.
 */
export type MonitorCustomStatus = Pick<ReleaseCustomStatus, 'monitor' | 'rollback'> & {
  step?: string;
  waitingForDecision?: MonitorDecisionWait;
  status?: 'RolledBack' | 'Failed';
};

/** Reads a monitor sub-orchestration's custom status; undefined when it holds neither part. */
export function readMonitorStatus(value: unknown): MonitorCustomStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const status = value as MonitorCustomStatus;
  const monitor = typeof status.monitor === 'object' ? status.monitor : undefined;
  const rollback = typeof status.rollback === 'object' ? status.rollback : undefined;
  const step = typeof status.step === 'string' ? status.step : undefined;
  const waiting = readDecisionWait(status.waitingForDecision);
  const final =
    status.status === 'RolledBack' || status.status === 'Failed' ? status.status : undefined;
  if (monitor === undefined && rollback === undefined && step === undefined) return undefined;
  return {
    ...(monitor === undefined ? {} : { monitor }),
    ...(rollback === undefined ? {} : { rollback }),
    ...(step === undefined ? {} : { step }),
    ...(waiting === undefined ? {} : { waitingForDecision: waiting }),
    ...(final === undefined ? {} : { status: final }),
  };
}

function readDecisionWait(value: unknown): MonitorDecisionWait | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { since, reason } = value as Partial<MonitorDecisionWait>;
  return typeof since === 'string' && typeof reason === 'string' ? { since, reason } : undefined;
}
