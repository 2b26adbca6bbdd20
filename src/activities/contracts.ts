/**
 * Activity contracts: names, inputs and outputs of every activity (release, monitoring,
 * canary), in one table. Orchestrators import these types only (`import type`) and call every
 * activity through the one typed `callActivity`, so no call passes `unknown`. Inputs never
 * carry secrets: activities look hook and Slack URLs up in the config by pipeline, stage and
 * hook name. The monitoring and canary inputs are defined beside their activities
 * (`monitor/contracts.ts`, `canary/contracts.ts`).
 */
import type { AuditEvent, HookAnswer, SwapHandle, SwapProgress } from '../azure/ports/index.js';

/** A started swap's handle (its poller state), as activities hand it to orchestrators. */
export type { SwapHandle } from '../azure/ports/index.js';
import type {
  CanarySampleInput,
  CanarySampleOutput,
  ReadSharesInput,
  SetShareInput,
  SharesOutput,
} from './canary/contracts.js';
import type {
  BeginSwapBackInput,
  BeginSwapBackOutput,
  NotifyRollbackInput,
  PageRollbackInput,
  QueryRequestsInput,
  QueryRequestsOutput,
  SampleProductionInput,
  SampleProductionOutput,
  VerifyProductionInput,
  VerifyProductionOutput,
} from './monitor/contracts.js';

/** Where a stage deploys: a site, or one deployment slot of it. */
export interface TargetRef {
  subscription: string;
  resourceGroup: string;
  site: string;
  slot?: string;
}

/** Input of `deployImage`. Idempotent: a no-op when the target already runs `image`. */
export interface DeployImageInput {
  pipeline: string;
  stage: string;
  target: TargetRef;
  /** `registry/repository@sha256:…`; must belong to the pipeline's source. */
  image: string;
}

/** Output of `deployImage`. */
export interface DeployImageOutput {
  changed: boolean;
  hostName: string;
}

/** Input of `checkSite`: one look at what a site runs and whether it answers healthy. */
export interface CheckSiteInput {
  target: TargetRef;
  digest: string;
  path: string;
  expectStatus: number;
  timeoutMs: number;
}

/** Output of `checkSite`. `ready` = configured with the digest, running, healthy, serving it. */
export interface CheckSiteOutput {
  ready: boolean;
  configuredDigest?: string;
  servedDigest?: string;
  state: string;
  status: number;
  detail: string;
}

/**
 * Input of `callHook`. The URL comes from config; a callback result is raised on `instanceId`.
 * `timeoutMs` bounds the synchronous answer and the callback token's life.
 */
export interface CallHookInput {
  releaseId: string;
  pipeline: string;
  stage: string;
  hook: string;
  image: string;
  digest: string;
  target: TargetRef;
  /** The orchestration instance that waits for the callback. */
  instanceId: string;
  timeoutMs: number;
}

/**
 * Output of `callHook`: the hook's result now, or `running` with the id of this hook call,
 * whose callback result the orchestration waits for (it ignores results for other calls).
 */
export type CallHookOutput =
  Extract<HookAnswer, { kind: 'result' }> | { kind: 'running'; callbackId: string };

/** Input of `notify`. Sent at most once per `key`. */
export interface NotifyInput {
  key: string;
  releaseId: string;
  pipeline: string;
  stage?: string;
  outcome: string;
  severity: 'info' | 'success' | 'warning' | 'critical';
  image: string;
  text: string;
}

/**
 * Input of `recordAudit` (and of `monitorAudit`, the same activity): one audit event,
 * written once per `eventId`; `at` is the orchestration clock.
 */
export type RecordAuditInput = AuditEvent;

/** Input of `readSlots`: which digest production and the staging slot run. */
export interface ReadSlotsInput {
  target: TargetRef;
}

/** Output of `readSlots`. */
export interface ReadSlotsOutput {
  /** Default host name of production (scopes monitoring queries). */
  productionHostName: string;
  /** Every host name of production (custom domains included), lower-cased. */
  productionHostNames?: string[];
  productionDigest?: string;
  slotDigest?: string;
}

/** Input of `startSwap`. */
export interface StartSwapInput {
  target: TargetRef & { slot: string };
  digest: string;
}

/**
 * Output of `startSwap`: `alreadySwapped` when production already runs `digest`;
 * `inProgress` when App Service reports a swap of the site already running (this activity
 * started it and its result was lost, e.g. the host died): wait for production instead.
 */
export type StartSwapOutput =
  { kind: 'alreadySwapped' } | { kind: 'inProgress' } | { kind: 'started'; handle: SwapHandle };

/** Input of `pollSwap` (and of `monitorPollSwapBack`, the same activity): one look at a swap. */
export interface PollSwapInput {
  handle: SwapHandle;
}

/** Input of `tryAcquireLock`. Idempotent for the same holder. */
export interface TryAcquireLockInput {
  site: string;
  holder: string;
  releaseId: string;
}

/** Output of `tryAcquireLock`: `acquired` when the lock runs under `holder`, else who holds it. */
export type TryAcquireLockOutput = { acquired: true } | { acquired: false; heldBy: string };

/** Input of `releaseLock`. Idempotent; a no-op when `holder` does not hold it. */
export interface ReleaseLockInput {
  site: string;
  holder: string;
}

/** Input of `isInstanceActive`. */
export interface IsInstanceActiveInput {
  instanceId: string;
}

/** Input of `stopStage`: terminate a stage sub-orchestration (a cancel arrived). Idempotent. */
export interface StopStageInput {
  instanceId: string;
  reason: string;
}

/** Input of `readCancelRequest`: the cancel a release recorded in its custom status, if any. */
export interface ReadCancelRequestInput {
  releaseId: string;
}

/** A cancel request as activities hand it back. */
export interface CancelRequestView {
  by: string;
  reason: string;
  at: string;
}

/** Input of `flushEvent`: raise a no-op event on an instance to clear its stale waiter. */
export interface FlushEventInput {
  instanceId: string;
  eventName: string;
}

/**
 * Input of `supersedeOlderReleases`, a release's first step: the release and its place in the
 * pipeline's order (`releaseOrder` of its input).
 */
export interface SupersedeOlderInput {
  releaseId: string;
  pipeline: string;
  order: string;
  /** ISO time of the step (orchestration clock), sent in the `supersede` notices. */
  at: string;
}

/**
 * Output of `supersedeOlderReleases`: the older releases that were sent a `supersede` event,
 * and the newer running release this one yields to, if any. Idempotent: a repeated run sends
 * the same events again, which a release that already ended ignores.
 */
export interface SupersedeOlderOutput {
  superseded: string[];
  supersededBy?: string;
}

/**
 * Every activity: name → input and output. The names are the ones registered with Durable:
 * a running instance's history replays them, so they never change. `monitorAudit` and
 * `monitorPollSwapBack` are kept for that reason as second names of `recordAudit` and
 * `pollSwap` (same input, same activity): the monitor and the rollback still call them
 * under their old names, so a release in flight during an upgrade replays.
 */
export interface ActivityContracts {
  deployImage: { input: DeployImageInput; output: DeployImageOutput };
  checkSite: { input: CheckSiteInput; output: CheckSiteOutput };
  callHook: { input: CallHookInput; output: CallHookOutput };
  notify: { input: NotifyInput; output: null };
  recordAudit: { input: RecordAuditInput; output: null };
  readSlots: { input: ReadSlotsInput; output: ReadSlotsOutput };
  startSwap: { input: StartSwapInput; output: StartSwapOutput };
  pollSwap: { input: PollSwapInput; output: SwapProgress };
  tryAcquireLock: { input: TryAcquireLockInput; output: TryAcquireLockOutput };
  releaseLock: { input: ReleaseLockInput; output: null };
  isInstanceActive: { input: IsInstanceActiveInput; output: boolean };
  stopStage: { input: StopStageInput; output: null };
  readCancelRequest: { input: ReadCancelRequestInput; output: CancelRequestView | null };
  flushEvent: { input: FlushEventInput; output: null };
  supersedeOlderReleases: { input: SupersedeOlderInput; output: SupersedeOlderOutput };
  monitorSampleProduction: { input: SampleProductionInput; output: SampleProductionOutput };
  monitorQueryRequests: { input: QueryRequestsInput; output: QueryRequestsOutput };
  monitorBeginSwapBack: { input: BeginSwapBackInput; output: BeginSwapBackOutput };
  /** `pollSwap` under the name the rollback's history holds. */
  monitorPollSwapBack: { input: PollSwapInput; output: SwapProgress };
  monitorVerifyProduction: { input: VerifyProductionInput; output: VerifyProductionOutput };
  monitorNotifyRollback: { input: NotifyRollbackInput; output: null };
  monitorPageRollback: { input: PageRollbackInput; output: null };
  /** `recordAudit` under the name the monitor's and the canary's histories hold. */
  monitorAudit: { input: RecordAuditInput; output: null };
  canarySetShare: { input: SetShareInput; output: SharesOutput };
  canaryReadShares: { input: ReadSharesInput; output: SharesOutput };
  canarySample: { input: CanarySampleInput; output: CanarySampleOutput };
}

/** An activity name. */
export type ActivityName = keyof ActivityContracts;
/** The input of activity `N`. */
export type ActivityInput<N extends ActivityName> = ActivityContracts[N]['input'];
/** The output of activity `N`. */
export type ActivityOutput<N extends ActivityName> = ActivityContracts[N]['output'];
