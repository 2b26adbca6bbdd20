import type { FlushMarker } from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import { callHook } from './callHook.js';
import { sampleCanary } from './canary/sampleCanary.js';
import { setShare } from './canary/setShare.js';
import { checkSite } from './checkSite.js';
import type { ActivityInput, ActivityName, ActivityOutput } from './contracts.js';
import { deployImage } from './deployImage.js';
import type { DurableOps } from './DurableOps.js';
import { isInstanceActive } from './isInstanceActive.js';
import { beginSwapBack } from './monitor/beginSwapBack.js';
import { notifyRollback } from './monitor/notifyRollback.js';
import { pageRollback } from './monitor/pageRollback.js';
import { queryRequests } from './monitor/queryRequests.js';
import { sampleProduction } from './monitor/sampleProduction.js';
import { verifyProduction } from './monitor/verifyProduction.js';
import { notify } from './notify.js';
import { pollSwap } from './pollSwap.js';
import { readCancelRequest } from './readCancelRequest.js';
import { readSlots } from './readSlots.js';
import { recordAudit } from './recordAudit.js';
import { releaseLock } from './releaseLock.js';
import { startSwap } from './startSwap.js';
import { supersedeOlderReleases } from './supersedeOlderReleases.js';
import { tryAcquireLock } from './tryAcquireLock.js';

/** Activities that need the durable client (registered with a durableClient input). */
const durableActivityNames = [
  'tryAcquireLock',
  'releaseLock',
  'isInstanceActive',
  'stopStage',
  'readCancelRequest',
  'flushEvent',
  'supersedeOlderReleases',
] as const satisfies readonly ActivityName[];

/** An activity that needs the durable client. */
export type DurableActivityName = (typeof durableActivityNames)[number];

/** One activity: its input, and the durable client operations when it needs them. */
export type ActivityHandler<N extends ActivityName> = N extends DurableActivityName
  ? (input: ActivityInput<N>, durable: () => DurableOps) => Promise<ActivityOutput<N>>
  : (input: ActivityInput<N>, durable?: () => DurableOps) => Promise<ActivityOutput<N>>;

/** Every activity (release, monitoring, canary), keyed by its registered name. */
export type Activities = { [N in ActivityName]: ActivityHandler<N> };

/** Activities that need the durable client (registered with a durableClient input). */
export const durableActivities: ReadonlySet<ActivityName> = new Set(durableActivityNames);

/**
 * Builds every activity over the ports. Each does one side effect, is idempotent, and throws
 * RetryAfterError / NonRetryableError rather than returning error text. `monitorAudit` and
 * `monitorPollSwapBack` are the same activities as `recordAudit` and `pollSwap`, kept under
 * their registered names for the histories that replay them.
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
    monitorSampleProduction: (input) => sampleProduction(deps, input),
    monitorQueryRequests: (input) => queryRequests(deps, input),
    monitorBeginSwapBack: (input) => beginSwapBack(deps, input),
    monitorPollSwapBack: (input) => pollSwap(deps, input),
    monitorVerifyProduction: (input) => verifyProduction(deps, input),
    monitorNotifyRollback: (input) => notifyRollback(deps, input),
    monitorPageRollback: (input) => pageRollback(deps, input),
    monitorAudit: (input) => recordAudit(deps, input),
    canarySetShare: (input) => setShare(deps, input),
    canaryReadShares: async (input) => ({ shares: await deps.routing.readShares(input.site) }),
    canarySample: (input) => sampleCanary(deps, input),
  };
}
