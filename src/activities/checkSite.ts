import type { ActivityDeps } from './ActivityDeps.js';
import type { CheckSiteInput, CheckSiteOutput } from './contracts.js';

/**
 * One look at a site or slot: what App Service says it runs, and one GET of `path` on its
 * own URL. `ready` when it is Running, configured with the digest, answers `expectStatus`
 * and (if it says) serves that digest. Read-only.
 */
export async function checkSite(
  deps: ActivityDeps,
  input: CheckSiteInput,
): Promise<CheckSiteOutput> {
  const slot = await deps.appService.getSlot(input.target);
  const base = {
    state: slot.state,
    ...(slot.digest === undefined ? {} : { configuredDigest: slot.digest }),
  };
  if (slot.digest !== input.digest) {
    return { ...base, ready: false, status: 0, detail: `configured ${slot.image ?? 'no image'}` };
  }
  if (slot.state !== 'Running') {
    return { ...base, ready: false, status: 0, detail: `state ${slot.state}` };
  }
  const probe = await deps.probe.probe(slot.url, input.path, {
    timeoutMs: input.timeoutMs,
    expectStatus: input.expectStatus,
  });
  const served = probe.servedDigest;
  const servesDigest = served === undefined || served === input.digest;
  return {
    ...base,
    ...(served === undefined ? {} : { servedDigest: served }),
    ready: probe.ok && servesDigest,
    status: probe.status,
    detail: servesDigest ? `GET ${input.path}: ${probe.detail}` : `serves ${served}`,
  };
}
