import type { ActivityDeps } from '../ActivityDeps.js';
import type { ProbeHealthInput, ProbeHealthOutput } from './contracts.js';

/**
 * GETs the health path of production once (200 expected). Read-only. Throws only when
 * production's address cannot be read (App Service failing); an unhealthy or unreachable
 * app is a result (`ok: false`), not an error.
 */
export async function probeHealth(
  deps: ActivityDeps,
  input: ProbeHealthInput,
): Promise<ProbeHealthOutput> {
  const production = await deps.appService.getSlot(input.site);
  const result = await deps.probe.probe(production.url, input.path, {
    timeoutMs: input.timeoutMs,
    expectStatus: 200,
  });
  return {
    ok: result.ok,
    status: result.status,
    latencyMs: result.latencyMs,
    detail: result.detail,
  };
}
