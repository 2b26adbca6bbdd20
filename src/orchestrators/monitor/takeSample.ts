import type { OrchestrationContext, Task } from 'durable-functions';

import type { QueryRequestsInput } from '../../activities/monitor/contracts.js';
import type { MonitorInput } from '../../domain/monitor/contract.js';
import type { ProductionSample } from '../../domain/monitor/ProductionSample.js';
import { queryWindow } from '../../domain/monitor/queryWindow.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { retryDelayMs, type RetryPolicy } from '../calls/RetryPolicy.js';

/** Retry of one tick's reads: 3 attempts, spaced within a fraction of the interval. */
export function sampleRetry(intervalMs: number): RetryPolicy {
  const firstDelayMs = Math.max(1_000, Math.min(10_000, Math.floor(intervalMs / 6)));
  return {
    maxAttempts: 3,
    firstDelayMs,
    maxDelayMs: firstDelayMs * 2,
    maxAskedMs: firstDelayMs * 2,
  };
}

/**
 * One tick's observation of production for the tick due at `tickAt` (its timer has fired, so
 * that time is past; using it rather than the late-by-some-ms clock keeps samples and query
 * windows on the grid): the health probe and,
 * once a post-swap window exists, the request statistics over it, read side by side in one
 * activity. A failed query is retried alone with durable timers; one that still fails is
 * recorded as `queryError`, and a probe that cannot run as unknown health, so neither can
 * ever turn into a pass.
 */
export function* takeSample(
  context: OrchestrationContext,
  input: Omit<MonitorInput, 'carry'>,
  tickAt: string,
): Generator<Task, ProductionSample, unknown> {
  const plan = input.plan;
  const at = new Date(tickAt);
  const retry = sampleRetry(plan.intervalMs);
  const window = queryWindow(input.swappedAt, at, plan.lookbackMs, plan.ingestionDelayMs);
  const query: QueryRequestsInput | undefined =
    window === undefined
      ? undefined
      : {
          pipeline: input.pipeline,
          stage: input.stage,
          table: plan.table,
          hostNames: input.hostNames,
          fromIso: window.fromIso,
          toIso: window.toIso,
        };
  const { sample, queryError } = yield* readProduction(context, input, at, query, retry);
  if (query === undefined) return sample;
  sample.window = window;
  yield* retryQuery(context, query, retry, sample, queryError);
  return sample;
}

/** A failed request query: its message, and whether and when to retry it. */
type QueryError = { message: string; retryable: boolean; afterMs?: number };

/** The probe and the query side by side, in one activity; a failed read is kept, not thrown. */
function* readProduction(
  context: OrchestrationContext,
  input: Omit<MonitorInput, 'carry'>,
  at: Date,
  query: QueryRequestsInput | undefined,
  retry: RetryPolicy,
): Generator<Task, { sample: ProductionSample; queryError?: QueryError }, unknown> {
  const sample: ProductionSample = {
    at: at.toISOString(),
    health: { ok: false, status: 0, latencyMs: 0, detail: 'not probed', unknown: true },
  };
  const health = input.plan.health;
  try {
    const read = yield* callActivity(
      context,
      'monitorSampleProduction',
      {
        probe: { site: input.site, path: health.path, timeoutMs: health.timeoutMs },
        ...(query !== undefined && { query }),
      },
      retry,
    );
    const { servedDigest: _served, ...seen } = read.health;
    sample.health = seen;
    if (read.stats !== undefined) sample.stats = read.stats;
    return { sample, ...(read.queryError !== undefined && { queryError: read.queryError }) };
  } catch (error) {
    sample.health.detail = failureReason(error);
    if (query === undefined) return { sample };
    return { sample, queryError: { message: failureReason(error), retryable: false } };
  }
}

/**
 * Retries a failed query alone, with durable timers, up to the sample's attempts; one that
 * still fails (or cannot be retried) is recorded as the sample's `queryError`.
 */
function* retryQuery(
  context: OrchestrationContext,
  query: QueryRequestsInput,
  retry: RetryPolicy,
  sample: ProductionSample,
  failed: QueryError | undefined,
): Generator<Task, void, unknown> {
  let queryError = failed;
  for (let attempt = 2; queryError !== undefined; attempt += 1) {
    if (!queryError.retryable || attempt > retry.maxAttempts) {
      sample.queryError = queryError.message;
      return;
    }
    const delayMs = retryDelayMs(retry, attempt - 1, queryError.afterMs);
    yield context.df.createTimer(inMs(context, Math.max(delayMs, 1)));
    try {
      const once = { ...retry, maxAttempts: 1 };
      sample.stats = yield* callActivity(context, 'monitorQueryRequests', query, once);
      queryError = undefined;
    } catch (error) {
      const text = failureReason(error);
      queryError = { message: text.replace(/^monitorQueryRequests: /, ''), retryable: true };
    }
  }
}
