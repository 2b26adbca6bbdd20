import type { ActivityDeps } from '../ActivityDeps.js';
import type { SetShareInput, SharesOutput } from './contracts.js';

/**
 * Routes `percent` of production traffic to the slot (its default host name is the rule's
 * `actionHostName`); 0 removes the rule. Idempotent: setting the same share twice is a no-op.
 */
export async function setShare(deps: ActivityDeps, input: SetShareInput): Promise<SharesOutput> {
  const slot = await deps.appService.getSlot({ ...input.site, slot: input.slot });
  const shares = await deps.routing.setShare(input.site, {
    slot: input.slot,
    hostName: slot.hostName,
    percent: input.percent,
  });
  return { shares };
}
