import type { SiteModel, SlotModel } from '../model/SlotModel.js';

/**
 * Which slot serves a request addressed to production, given the ramp-up rules in force and a
 * roll in [0, 100). A rule sends its `reroutePercentage` of traffic to the slot whose host name
 * is its `actionHostName`; unmatched rules are ignored.
 */
export function chooseServingSlot(
  site: SiteModel,
  rules: ReadonlyArray<{ actionHostName?: string; reroutePercentage?: number }>,
  roll: number,
): SlotModel {
  let acc = 0;
  for (const rule of rules) {
    const slot = [...site.slots.values()].find(
      (s) => s.hostName.toLowerCase() === rule.actionHostName?.toLowerCase(),
    );
    if (slot === undefined) continue;
    acc += rule.reroutePercentage ?? 0;
    if (roll < acc) return slot;
  }
  return site.production;
}

/** The slot named by `x-ms-routing-name` (`self` = production), or undefined. */
export function slotByRoutingName(
  site: SiteModel,
  name: string | undefined,
): SlotModel | undefined {
  if (name === undefined || name === '') return undefined;
  if (name.toLowerCase() === 'self') return site.production;
  return site.slots.get(name.toLowerCase());
}
