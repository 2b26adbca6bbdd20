import type { ActivityDeps } from '../ActivityDeps.js';
import { verifyServedImage } from '../verifyServedImage.js';
import type { VerifyProductionInput, VerifyProductionOutput } from './contracts.js';

/**
 * Checks that production is configured with `digest`, answers its health path with 200 and,
 * when its stage has a `verify` contract, that its version endpoint names the digest.
 * Read-only.
 */
export async function verifyProduction(
  deps: ActivityDeps,
  input: VerifyProductionInput,
): Promise<VerifyProductionOutput> {
  const production = await deps.appService.getSlot(input.site);
  const probe = await deps.probe.probe(production.url, input.healthPath, {
    timeoutMs: input.timeoutMs,
    expectStatus: 200,
  });
  const configured = production.digest;
  const verified = await verifyServedImage(
    deps,
    input.site,
    production.url,
    input.digest,
    input.timeoutMs,
  );
  const served = verified?.serves === true ? input.digest : undefined;
  const problems: string[] = [];
  if (configured !== input.digest) problems.push(`configured ${configured ?? 'no digest'}`);
  if (verified?.serves === false) problems.push(verified.detail);
  if (!probe.ok) problems.push(`health ${probe.detail}`);
  return {
    ok: problems.length === 0,
    ...(configured !== undefined && { configuredDigest: configured }),
    ...(served !== undefined && { servedDigest: served }),
    status: probe.status,
    detail:
      problems.length === 0
        ? `production runs and serves ${input.digest}`
        : `production: expected ${input.digest}, ${problems.join(', ')}`,
  };
}
