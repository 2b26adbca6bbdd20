import type { RampUpRule, WebSiteManagementClient } from '@azure/arm-appservice';

import { mapAzureError } from '../errors/mapAzureError.js';
import type { SiteRef } from '../ports/SiteRef.js';
import type { SlotShare, TrafficRoutingPort } from '../ports/TrafficRoutingPort.js';
import { siteLabel } from './siteLabel.js';

/** What the adapter needs from the client factory. */
export interface TrafficRoutingClients {
  webSites(subscriptionId: string): WebSiteManagementClient;
}

/**
 * {@link TrafficRoutingPort} over `WebSiteManagementClient`: reads `config/web` of production
 * and PATCHes `{experiments: {rampUpRules}}` with the whole list, as `az webapp traffic-routing
 * set` does (`actionHostName`, `reroutePercentage`, `name`); an empty list clears routing.
 */
export class TrafficRoutingAdapter implements TrafficRoutingPort {
  constructor(private readonly clients: TrafficRoutingClients) {}

  async readShares(site: Omit<SiteRef, 'slot'>): Promise<SlotShare[]> {
    return toShares(await this.rules(site));
  }

  async setShare(
    site: Omit<SiteRef, 'slot'>,
    share: { slot: string; hostName: string; percent: number },
  ): Promise<SlotShare[]> {
    const rules = await this.rules(site);
    const mine = (r: RampUpRule): boolean =>
      r.actionHostName?.toLowerCase() === share.hostName.toLowerCase();
    const current = rules.find(mine);
    if (
      (share.percent === 0 && current === undefined) ||
      (current !== undefined && current.reroutePercentage === share.percent)
    )
      return toShares(rules);
    const others = rules.filter((r) => !mine(r));
    const next: RampUpRule[] =
      share.percent === 0
        ? others
        : [
            ...others,
            { actionHostName: share.hostName, reroutePercentage: share.percent, name: share.slot },
          ];
    try {
      const written = await this.clients
        .webSites(site.subscription)
        .webApps.updateConfiguration(site.resourceGroup, site.site, {
          experiments: { rampUpRules: next },
        });
      return toShares(written.experiments?.rampUpRules ?? next);
    } catch (err) {
      throw mapAzureError(err, `setRouting ${siteLabel(site)} ${share.slot}=${share.percent}%`);
    }
  }

  private async rules(site: Omit<SiteRef, 'slot'>): Promise<RampUpRule[]> {
    try {
      const config = await this.clients
        .webSites(site.subscription)
        .webApps.getConfiguration(site.resourceGroup, site.site);
      return config.experiments?.rampUpRules ?? [];
    } catch (err) {
      throw mapAzureError(err, `readRouting ${siteLabel(site)}`);
    }
  }
}

function toShares(rules: RampUpRule[]): SlotShare[] {
  return rules.map((r) => ({
    name: r.name ?? '',
    hostName: r.actionHostName ?? '',
    percent: r.reroutePercentage ?? 0,
  }));
}
