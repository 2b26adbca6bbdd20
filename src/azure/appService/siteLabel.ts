import type { SiteRef } from '../ports/SiteRef.js';

/** `resourceGroup/site[/slot]`, for messages (no subscription id, no secrets). */
export function siteLabel(ref: SiteRef): string {
  return `${ref.resourceGroup}/${ref.site}${ref.slot === undefined ? '' : `/${ref.slot}`}`;
}
