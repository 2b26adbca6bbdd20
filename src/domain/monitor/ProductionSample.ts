import type { QueryWindow } from './queryWindow.js';

/** Request figures of one window (weighted by item count). */
export interface SampleStats {
  requests: number;
  failed: number;
  serverErrors: number;
  /** Undefined when there were no requests. */
  p95Ms?: number;
}

/** The health probe of production at one tick. */
export interface SampleHealth {
  ok: boolean;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  latencyMs: number;
  detail: string;
  /** True when the probe could not run at all (e.g. App Service unreachable): health unknown. */
  unknown?: boolean;
}

/**
 * Everything one monitoring tick observed about production. Exactly one of `stats` and
 * `queryError` is set when `window` is; neither when no window exists yet.
 */
export interface ProductionSample {
  /** ISO time of the tick (orchestration clock). */
  at: string;
  /** The query window; undefined when no post-swap data can be complete yet. */
  window?: QueryWindow;
  stats?: SampleStats;
  /** Why the query failed after its retries (never treated as a pass). */
  queryError?: string;
  health: SampleHealth;
}
