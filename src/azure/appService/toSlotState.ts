import type { Site } from '@azure/arm-appservice';

import type { SlotState } from '../ports/SiteRef.js';
import { parseLinuxFxVersion } from './parseLinuxFxVersion.js';

/**
 * A SlotState from an App Service Site (production or slot) and the `linuxFxVersion` read
 * from its `config/web`. `url` maps the default host name to where it is reachable from here.
 */
export function toSlotState(
  name: string,
  site: Site,
  linuxFxVersion: string | undefined,
  url: (hostName: string) => string,
): SlotState {
  const hostName = site.defaultHostName ?? site.hostNames?.[0] ?? '';
  const fx = parseLinuxFxVersion(linuxFxVersion);
  return {
    name,
    ...(fx === undefined ? {} : { image: fx.image }),
    ...(fx?.digest === undefined ? {} : { digest: fx.digest }),
    state: site.state ?? 'Unknown',
    hostName,
    hostNames: [
      ...new Set([...(site.hostNames ?? []), hostName].map((h) => h.toLowerCase())),
    ].filter((h) => h !== ''),
    url: hostName === '' ? '' : url(hostName),
  };
}

/** The slot part of a slot resource name (`site/slot` → `slot`). */
export function slotNameOf(site: Site): string | undefined {
  const name = site.name;
  if (name === undefined) return undefined;
  const i = name.lastIndexOf('/');
  return i < 0 ? name : name.slice(i + 1);
}
