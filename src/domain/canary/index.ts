export type { CanarySample } from './assessCanarySample.js';
export { assessCanarySample } from './assessCanarySample.js';
export type {
  CanaryCustomStatus,
  CanaryInput,
  CanaryResult,
  CanaryStepView,
  CanaryView,
  PromoteRequest,
} from './contract.js';
export {
  canaryEvents,
  canaryInstanceId,
  canaryOrchestratorName,
  maxStepSamples,
} from './contract.js';
export type { PromoteDecision, PromoteFacts } from './decidePromote.js';
export { decidePromote } from './decidePromote.js';
export type { StepVerdict } from './decideStep.js';
export { decideStep } from './decideStep.js';
export { matchesCanaryAlert } from './matchesCanaryAlert.js';
export { metricsWindow } from './metricsWindow.js';
export type { SlotTraffic } from './SlotTraffic.js';
