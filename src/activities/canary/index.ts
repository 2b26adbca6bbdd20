import * as df from 'durable-functions';

import { encodeActivityFailure } from '../../domain/release/index.js';
import type { CanaryDeps } from './CanaryDeps.js';
import type { CanaryActivityInput, CanaryActivityName, CanaryActivityOutput } from './contracts.js';
import { sampleCanary } from './sampleCanary.js';

export type { CanaryDeps } from './CanaryDeps.js';
export type * from './contracts.js';

/** Every canary activity, keyed by name. */
export type CanaryActivities = {
  [N in CanaryActivityName]: (input: CanaryActivityInput<N>) => Promise<CanaryActivityOutput<N>>;
};

/**
 * Builds the canary activities over the ports: set a slot's share of production traffic
 * (idempotent), read the routing rules, sample the slot. Failures throw with retry advice.
 */
export function createCanaryActivities(deps: CanaryDeps): CanaryActivities {
  return {
    canarySetShare: async (input) => {
      const slot = await deps.appService.getSlot({ ...input.site, slot: input.slot });
      const shares = await deps.routing.setShare(input.site, {
        slot: input.slot,
        hostName: slot.hostName,
        percent: input.percent,
      });
      return { shares };
    },
    canaryReadShares: async (input) => ({ shares: await deps.routing.readShares(input.site) }),
    canarySample: (input) => sampleCanary(deps, input),
  };
}

/** Registers every canary activity with the Functions host (called by the composition root). */
export function registerCanaryActivities(deps: CanaryDeps): void {
  const activities = createCanaryActivities(deps);
  for (const name of Object.keys(activities) as CanaryActivityName[]) {
    df.app.activity(name, {
      handler: async (input: unknown) => {
        const handler = activities[name] as (i: unknown) => Promise<unknown>;
        try {
          return await handler(input);
        } catch (error) {
          throw new Error(encodeActivityFailure(error), { cause: error });
        }
      },
    });
  }
}
