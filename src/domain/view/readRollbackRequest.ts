import type { DurableStatusLike } from './DurableStatusLike.js';

/**
 * A rollback asked for after the monitoring window (`POST /api/releases/{id}/rollback`), as the
 * release view shows it: `checking` that the slot still holds the previous digest,
 * `rollingBack` (swapping back), then how it ended: `rolledBack`, `refused` (nothing changed:
 * `error` says why; a new request may try again) or `failed`.
 */
export interface RollbackRequestView {
  phase: 'checking' | 'rollingBack' | 'rolledBack' | 'refused' | 'failed';
  /** What the rollback does now or how it ended, e.g. `swapping back`. */
  step: string;
  /** Why it was refused or failed. */
  error?: string;
}

/**
 * Reads the `${id}-rollback` orchestration (its custom status while it runs, its result once
 * it ended) as a {@link RollbackRequestView}. Pure.
 */
export function readRollbackRequest(status: DurableStatusLike): RollbackRequestView {
  const custom = (status.customStatus ?? {}) as {
    phase?: unknown;
    step?: unknown;
    status?: unknown;
  };
  const output = (status.output ?? {}) as { outcome?: unknown; error?: unknown };
  const step = typeof custom.step === 'string' ? custom.step : 'starting';
  const error = typeof output.error === 'string' ? { error: output.error } : {};
  switch (status.runtimeStatus) {
    case 'Running':
    case 'Pending':
    case 'ContinuedAsNew':
      return { phase: custom.phase === 'rollingBack' ? 'rollingBack' : 'checking', step };
    case 'Completed':
      if (output.outcome === 'rolledBack' || custom.status === 'RolledBack')
        return { phase: 'rolledBack', step };
      if (output.outcome === 'refused') return { phase: 'refused', step, ...error };
      return { phase: 'failed', step, ...error };
    default:
      return { phase: 'failed', step: `rollback ${status.runtimeStatus.toLowerCase()}` };
  }
}
