import type { CanaryCustomStatus, CanaryView } from '../canary/contract.js';

/** The `canary` part of a release view: the step, its percentage and per-step verdicts. */
export type CanaryReleaseView = CanaryView;

/**
 * Reads a `${id}-canary` sub-orchestration's custom status; undefined when it published no
 * canary part (not started yet, or another shape).
 */
export function readCanaryStatus(value: unknown): CanaryCustomStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const status = value as Partial<CanaryCustomStatus>;
  const canary = status.canary;
  if (typeof canary !== 'object' || !Array.isArray(canary.steps)) return undefined;
  return {
    step: typeof status.step === 'string' ? status.step : '',
    updatedAt: typeof status.updatedAt === 'string' ? status.updatedAt : '',
    canary,
    promotions: typeof status.promotions === 'object' ? status.promotions : {},
    ...(typeof status.rollback === 'object' && { rollback: status.rollback }),
    ...((status.status === 'RolledBack' || status.status === 'Failed') && {
      status: status.status,
    }),
  };
}
