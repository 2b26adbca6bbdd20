import type { OrchestrationContext, Task } from 'durable-functions';

import type { MonitorInput } from '../../domain/monitor/contract.js';
import type { ProductionSample, SampleHealth } from '../../domain/monitor/ProductionSample.js';
import { queryWindow } from '../../domain/monitor/queryWindow.js';
import { callMonitorActivity, errorText, type MonitorRetry } from './callMonitorActivity.js';

/** Retry of one tick's reads: 3 attempts, spaced within a fraction of the interval. */
export function sampleRetry(intervalMs: number): MonitorRetry {
  const firstDelayMs = Math.max(1_000, Math.min(10_000, Math.floor(intervalMs / 6)));
  return { maxAttempts: 3, firstDelayMs, maxDelayMs: firstDelayMs * 2 };
}

/**
 * One tick's observation of production at the orchestration's `now`: the health probe and,
 * once a post-swap window exists, the request statistics over it. Failed reads are retried
 * with durable timers; a query that still fails is recorded as `queryError` and a probe that
 * cannot run as unknown health, so neither can ever turn into a pass.
 */
export function* takeSample(
  context: OrchestrationContext,
  input: Omit<MonitorInput, 'carry'>,
): Generator<Task, ProductionSample, unknown> {
  const plan = input.plan;
  const at = context.df.currentUtcDateTime;
  const retry = sampleRetry(plan.intervalMs);
  const window = queryWindow(input.swappedAt, at, plan.lookbackMs, plan.ingestionDelayMs);

  let health: SampleHealth;
  try {
    const probe = yield* callMonitorActivity(
      context,
      'monitorProbeHealth',
      { site: input.site, path: plan.health.path, timeoutMs: plan.health.timeoutMs },
      retry,
    );
    health = {
      ok: probe.ok,
      status: probe.status,
      latencyMs: probe.latencyMs,
      detail: probe.detail,
    };
  } catch (error) {
    health = { ok: false, status: 0, latencyMs: 0, detail: errorText(error), unknown: true };
  }

  const sample: ProductionSample = { at: at.toISOString(), health };
  if (window === undefined) return sample;
  sample.window = window;
  try {
    sample.stats = yield* callMonitorActivity(
      context,
      'monitorQueryRequests',
      {
        pipeline: input.pipeline,
        stage: input.stage,
        table: plan.table,
        hostNames: input.hostNames,
        fromIso: window.fromIso,
        toIso: window.toIso,
      },
      retry,
    );
  } catch (error) {
    sample.queryError = errorText(error);
  }
  return sample;
}
