import { NonRetryableError, RetryAfterError, ValidationError } from '../../domain/errors.js';
import type { ActivityDeps } from '../ActivityDeps.js';
import type { SampleProductionInput, SampleProductionOutput } from './contracts.js';
import { probeHealth } from './probeHealth.js';
import { queryRequests } from './queryRequests.js';

/**
 * One tick's reads of production, side by side: the health probe and the request query.
 * Read-only. Never throws for a failed read (so one slow or failing read never loses the
 * other): a probe that could not run comes back as unknown health, a failed query as
 * `queryError` with whether and when to retry.
 */
export async function sampleProduction(
  deps: ActivityDeps,
  input: SampleProductionInput,
): Promise<SampleProductionOutput> {
  const [probe, query] = await Promise.allSettled([
    probeHealth(deps, input.probe),
    input.query === undefined ? Promise.resolve(undefined) : queryRequests(deps, input.query),
  ]);
  const health =
    probe.status === 'fulfilled'
      ? probe.value
      : { ok: false, status: 0, latencyMs: 0, detail: message(probe.reason), unknown: true };
  if (query.status === 'rejected') {
    const error = query.reason as unknown;
    const retryable = !(error instanceof NonRetryableError || error instanceof ValidationError);
    return {
      health,
      queryError: {
        message: message(error),
        retryable,
        ...(error instanceof RetryAfterError && { afterMs: error.afterMs }),
      },
    };
  }
  return { health, ...(query.value !== undefined && { stats: query.value }) };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
