import type { ActivityDeps } from './ActivityDeps.js';
import type { ReadSlotsInput, ReadSlotsOutput } from './contracts.js';

/** Which digest production and the target's slot run now. Read-only. */
export async function readSlots(
  deps: ActivityDeps,
  input: ReadSlotsInput,
): Promise<ReadSlotsOutput> {
  const { slot, ...site } = input.target;
  const production = await deps.appService.getSlot(site);
  const staged = slot === undefined ? undefined : await deps.appService.getSlot(input.target);
  return {
    productionHostName: production.hostName,
    productionHostNames: production.hostNames ?? [production.hostName],
    ...(production.digest === undefined ? {} : { productionDigest: production.digest }),
    ...(staged?.digest === undefined ? {} : { slotDigest: staged.digest }),
  };
}
