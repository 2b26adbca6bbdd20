import type { ReleaseCustomStatus } from '../../domain/release/contract.js';

/**
 * The custom status of `monitorRelease` (and `rollbackRelease`): the `monitor` and `rollback`
 * parts of the release view, which the API merges into GET /api/releases/{id}, plus the
 * monitor's own step. Stays a few KB (samples are capped).
 */
export interface MonitorStatus {
  /** Human-readable step, e.g. `watching (next tick 10:21:00)`, `paused: …`, `rolled back`. */
  step: string;
  updatedAt: string;
  monitor?: NonNullable<ReleaseCustomStatus['monitor']>;
  rollback?: NonNullable<ReleaseCustomStatus['rollback']>;
  /** Present while an inconclusive sample holds the monitor for a decision (policy `pause`). */
  waitingForDecision?: { since: string; reason: string };
  /** Release status this part implies once final (`RolledBack` after a successful swap back). */
  status?: 'RolledBack' | 'Failed';
  /** rollbackRelease only: `checking` until the swap back started or was refused. */
  phase?: 'checking' | 'rollingBack' | 'refused' | 'done';
}
