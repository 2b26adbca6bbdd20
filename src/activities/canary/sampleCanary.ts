import type { ActivityDeps } from '../ActivityDeps.js';
import type { CanarySampleInput, CanarySampleOutput } from './contracts.js';

/**
 * One canary tick's reads, side by side: the slot's health probe (its own host name) and,
 * when a window is given, the platform metrics of the slot and of production over it.
 * Read-only. Never throws: a probe that could not run is unknown health, a failed metrics read
 * is `queryError` (the sample is then inconclusive, never a pass).
 */
export async function sampleCanary(
  deps: ActivityDeps,
  input: CanarySampleInput,
): Promise<CanarySampleOutput> {
  const slotRef = { ...input.site, slot: input.slot };
  const window = input.window;
  const [probe, canary, production] = await Promise.allSettled([
    deps.appService.getSlot(slotRef).then((slot) =>
      deps.probe.probe(slot.url, input.healthPath, {
        timeoutMs: input.timeoutMs,
        expectStatus: 200,
      }),
    ),
    window === undefined ? Promise.resolve(undefined) : deps.slotMetrics.traffic(slotRef, window),
    window === undefined
      ? Promise.resolve(undefined)
      : deps.slotMetrics.traffic(input.site, window),
  ]);
  const health =
    probe.status === 'fulfilled'
      ? {
          ok: probe.value.ok,
          status: probe.value.status,
          latencyMs: probe.value.latencyMs,
          detail: probe.value.detail,
        }
      : { ok: false, status: 0, latencyMs: 0, detail: message(probe.reason), unknown: true };
  if (canary.status === 'rejected') return { health, queryError: message(canary.reason) };
  return {
    health,
    ...(canary.value !== undefined && { canary: canary.value }),
    ...(production.status === 'fulfilled' &&
      production.value !== undefined && { production: production.value }),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
