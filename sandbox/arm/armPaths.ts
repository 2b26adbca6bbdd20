import type { SlotModel } from '../model/SlotModel.js';

/** ARM resource id of a site or slot. */
export function slotResourceId(subscriptionId: string, slot: SlotModel): string {
  const site = `/subscriptions/${subscriptionId}/resourceGroups/${slot.resourceGroup}/providers/Microsoft.Web/sites/${slot.siteName}`;
  return slot.name === 'production' ? site : `${site}/slots/${slot.name}`;
}
