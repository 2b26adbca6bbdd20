export type {
  ApprovalDecision,
  CancelRequest,
  CheckView,
  PlannedStage,
  ProductionLockGranted,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleasePlan,
  ReleaseStatus,
  RollbackRequest,
  SampleView,
  StageStatus,
  StageView,
  SupersedeNotice,
} from './contract.js';
export { hookEventName, orchestratorNames, releaseEvents, terminalStatuses } from './contract.js';
export { releaseIdFor } from './releaseId.js';
