import type { ActivityDeps } from './ActivityDeps.js';
import type { CheckSiteInput, CheckSiteOutput } from './contracts.js';
import { verifyServedImage } from './verifyServedImage.js';

/**
 * One look at a site or slot: what App Service says it runs, and one GET of `path` on its
 * own URL. `ready` when it is Running, configured with the digest, answers `expectStatus`
 * and, when its stage has a `verify` contract, its version endpoint names the digest.
 * Called after `deployImage`, whose restart fence (stop, configure, start) guarantees that
 * no container of the previous image is left to answer: a 200 here comes from a container
 * started with the configured digest. `verify` stays the stronger proof (the app says it).
 * Read-only.
 */
export async function checkSite(
  deps: Pick<ActivityDeps, 'appService' | 'probe' | 'config'>,
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
  const verified = probe.ok
    ? await verifyServedImage(deps, input.target, slot.url, input.digest, input.timeoutMs)
    : undefined;
  const servesDigest = verified === undefined || verified.serves;
  return {
    ...base,
    ...(verified?.serves === true && { servedDigest: input.digest }),
    ready: probe.ok && servesDigest,
    status: probe.status,
    detail:
      verified === undefined || !probe.ok
        ? `GET ${input.path}: ${probe.detail}`
        : `GET ${input.path}: ${probe.detail}; ${verified.detail}`,
  };
}
