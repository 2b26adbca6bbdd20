export type { ActivityFailure } from './activityFailure.js';
export { decodeActivityFailure, encodeActivityFailure, firstLine } from './activityFailure.js';
export { boundCustomStatus } from './boundCustomStatus.js';
export { consoleReleaseUrl } from './consoleUrl.js';
export type {
  ApprovalDecision,
  ApprovalRecord,
  CanaryPlan,
  CancelRequest,
  CheckView,
  FlushMarker,
  LockRelease,
  PlannedStage,
  ProductionLockGranted,
  ProductionLockInput,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleasePlan,
  ReleaseStatus,
  RollbackProgress,
  RollbackRequest,
  SampleView,
  StageStatus,
  StageView,
  SupersedeNotice,
} from './contract.js';
export {
  hookEventName,
  lockEvents,
  orchestratorNames,
  productionLockId,
  releaseEvents,
  stageInstanceId,
  terminalStatuses,
} from './contract.js';
export type { ReleaseImage, StartDecision, StartRequest } from './decideStart.js';
export { decideStart } from './decideStart.js';
export type { SupersedeDecision, SupersedePeer, SupersedeSelf } from './decideSupersede.js';
export { decideSupersede, releaseOrder } from './decideSupersede.js';
export { customStatusBudgetChars, fitStatus, shortenChecks } from './fitStatus.js';
export type { HookCallbackRecord } from './hookCallback.js';
export {
  callbackTokenMatches,
  hashCallbackToken,
  hookCallbackKey,
  hookCallbackUseKey,
} from './hookCallback.js';
export { mergeStageProgress } from './mergeStageProgress.js';
export { initialReleaseStatus, reduceReleaseStatus } from './reduceReleaseStatus.js';
export { releaseIdFor } from './releaseId.js';
export type { ReleaseStatusEvent } from './ReleaseStatusEvent.js';
export type {
  HookCallback,
  ReleaseOutcome,
  StageInput,
  StageProgress,
  StageResult,
} from './stageContract.js';
