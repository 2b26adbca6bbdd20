export { assessSample } from './assessSample.js';
export type { RequestsQuerySpec } from './buildRequestsQuery.js';
export { buildRequestsQuery } from './buildRequestsQuery.js';
export type {
  MonitorCarry,
  MonitorDecision,
  MonitorInput,
  MonitorPlan,
  MonitorResult,
  ProductionSite,
  RollbackOutcomeBase,
  RollbackReleaseInput,
  RollbackReleaseResult,
  RollbackTrigger,
} from './contract.js';
export {
  maxRecentSamples,
  monitorEvents,
  monitorInstanceId,
  monitorOrchestratorNames,
  rollbackInstanceId,
} from './contract.js';
export type { AlertRollback } from './decideAlertRollback.js';
export { decideAlertRollback } from './decideAlertRollback.js';
export type { ManualRollbackFacts, ManualRollbackRoute } from './decideManualRollback.js';
export { decideManualRollback } from './decideManualRollback.js';
export type { BreachRun, TickDecision } from './decideTick.js';
export { decideTick } from './decideTick.js';
export type { ManualRollback, RollbackStop } from './manualRollback.js';
export { manualRollbackCommand } from './manualRollback.js';
export { matchesAlert } from './matchesAlert.js';
export { mayRollBack } from './mayRollBack.js';
export type { MonitorWindow } from './nextTick.js';
export { nextTick } from './nextTick.js';
export type { AlertPush, AlertTarget } from './parseAlertPush.js';
export { parseAlertPush } from './parseAlertPush.js';
export type { ProductionSample, SampleHealth, SampleStats } from './ProductionSample.js';
export type { QueryWindow } from './queryWindow.js';
export { queryWindow } from './queryWindow.js';
export { toSampleView } from './toSampleView.js';
export type { BreachRule, InconclusiveCause, SampleEvidence, Verdict } from './Verdict.js';
