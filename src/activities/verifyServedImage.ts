import type { HttpProbe, SiteRef } from '../azure/ports/index.js';
import type { SlotpilotConfig } from '../domain/config/index.js';

/** The outcome of asking an app which image it serves. */
export interface ServedImageCheck {
  /** True when the app's version endpoint names the digest. */
  serves: boolean;
  detail: string;
}

/**
 * Asks the app at `url` whether it serves `digest`, through the `verify` contract of the stage
 * whose target is `site` (`GET verify.path`, 200 and a body containing `verify.expect` with
 * `{digest}` filled in). Undefined when no stage of that site has the contract: then only
 * App Service's configuration and state vouch for the image. Read-only.
 */
export async function verifyServedImage(
  deps: { config: SlotpilotConfig; probe: HttpProbe },
  site: Omit<SiteRef, 'slot'>,
  url: string,
  digest: string,
  timeoutMs: number,
): Promise<ServedImageCheck | undefined> {
  const contract = deps.config.pipelines
    .flatMap((p) => p.stages)
    .find(
      (s) =>
        s.verify !== undefined &&
        s.target.site.toLowerCase() === site.site.toLowerCase() &&
        s.target.resourceGroup.toLowerCase() === site.resourceGroup.toLowerCase() &&
        (s.target.subscription ?? site.subscription).toLowerCase() ===
          site.subscription.toLowerCase(),
    )?.verify;
  if (contract === undefined) return undefined;
  const expectBody = contract.expect.replaceAll('{digest}', digest);
  const result = await deps.probe.probe(url, contract.path, {
    timeoutMs,
    expectStatus: 200,
    expectBody,
  });
  const serves = result.ok && result.bodyMatches === true;
  return {
    serves,
    detail: serves
      ? `${contract.path} names ${digest}`
      : `${contract.path} does not name ${digest} (${result.detail})`,
  };
}
