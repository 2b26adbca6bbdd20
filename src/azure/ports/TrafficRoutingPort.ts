import type { SiteRef } from './SiteRef.js';

/** One routing rule of a site: `percent` of production traffic goes to the slot at `hostName`. */
export interface SlotShare {
  /** The rule's name (`az webapp traffic-routing set` names it after the slot). */
  name: string;
  /** The slot's default host name (`actionHostName`). */
  hostName: string;
  percent: number;
}

/**
 * App Service traffic routing (`siteConfig.experiments.rampUpRules` on the production
 * `config/web`, the shape `az webapp traffic-routing set/show/clear` reads and writes), over
 * @azure/arm-appservice. Errors as {@link AppServicePort}: RetryAfterError on 429/5xx or an
 * unreachable ARM, AzureRequestError (non-retryable) on 400/401/403/404/409.
 */
export interface TrafficRoutingPort {
  /** The site's routing rules now. Read-only. */
  readShares(site: Omit<SiteRef, 'slot'>): Promise<SlotShare[]>;
  /**
   * Routes `percent` of production traffic to the slot (rule named `slot`, `actionHostName`
   * `hostName`); 0 removes the slot's rule. Rules for other slots are kept. Idempotent: when
   * the rules already say so nothing is written. Returns the rules as they are afterwards.
   */
  setShare(
    site: Omit<SiteRef, 'slot'>,
    share: { slot: string; hostName: string; percent: number },
  ): Promise<SlotShare[]>;
}
