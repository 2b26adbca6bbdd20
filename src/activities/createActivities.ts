import type { FlushMarker } from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import { callHook } from './callHook.js';
import { checkSite } from './checkSite.js';
import type { ActivityInput, ActivityName, ActivityOutput } from './contracts.js';
import { deployImage } from './deployImage.js';
import type { DurableOps } from './DurableOps.js';
import { isInstanceActive } from './isInstanceActive.js';
import { notify } from './notify.js';
import { pollSwap } from './pollSwap.js';
import { readCancelRequest } from './readCancelRequest.js';
import { readSlots } from './readSlots.js';
import { recordAudit } from './recordAudit.js';
import { releaseLock } from './releaseLock.js';
import { startSwap } from './startSwap.js';
import { supersedeOlderReleases } from './supersedeOlderReleases.js';
import { tryAcquireLock } from './tryAcquireLock.js';

/** One activity: its input, and the durable client operations when it needs them. */
export type ActivityHandler<N extends ActivityName> = (
  input: ActivityInput<N>,
  durable: () => DurableOps,
) => Promise<ActivityOutput<N>>;

/** Every release activity, keyed by name. */
export type Activities = { [N in ActivityName]: ActivityHandler<N> };

/** Activities that need the durable client (registered with a durableClient input). */
export const durableActivities: ReadonlySet<ActivityName> = new Set([
  'tryAcquireLock',
  'releaseLock',
  'isInstanceActive',
  'stopStage',
  'readCancelRequest',
  'flushEvent',
  'supersedeOlderReleases',
]);

/**
 * Builds the release activities over the ports. Each does one side effect, is idempotent,
 * and throws RetryAfterError / NonRetryableError rather than returning error text.
 */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    deployImage: (input) => deployImage(deps, input),
    checkSite: (input) => checkSite(deps, input),
    callHook: (input) => callHook(deps, input),
    notify: (input) => notify(deps, input),
    recordAudit: (input) => recordAudit(deps, input),
    readSlots: (input) => readSlots(deps, input),
    startSwap: (input) => startSwap(deps, input),
    pollSwap: (input) => pollSwap(deps, input),
    tryAcquireLock: (input, durable) => tryAcquireLock(durable(), input),
    releaseLock: (input, durable) => releaseLock(durable(), input),
    isInstanceActive: (input, durable) => isInstanceActive(durable(), input),
    stopStage: async (input, durable) => {
      await durable().terminate(input.instanceId, input.reason);
      return null;
    },
    readCancelRequest: (input, durable) => readCancelRequest(durable(), input),
    supersedeOlderReleases: (input, durable) => supersedeOlderReleases(durable(), input),
    flushEvent: async (input, durable) => {
      const marker: FlushMarker = { flush: true };
      await durable().raiseEvent(input.instanceId, input.eventName, marker);
      return null;
    },
  };
}
