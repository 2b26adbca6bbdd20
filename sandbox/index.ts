export type { AuditLine } from './audit/readAuditTrail.js';
export { rewritingHttpClient } from './auth/rewritingHttpClient.js';
export { SANDBOX_TOKEN, staticCredential } from './auth/staticCredential.js';
export type { ArmedFault, FaultCount } from './faults/FaultInjector.js';
export type { ActionGroupDelivery, AlertFiring } from './monitor/ActionGroups.js';
export { clickSlackButton, type SlackClickOptions } from './outside/slackInteractions.js';
export type { PushResult, Sandbox, SandboxOptions, SiteState } from './Sandbox.js';
export type { ArmAuditEntry } from './SandboxContext.js';
export { defaultScenarioPath, loadScenario } from './scenario/loadScenario.js';
export type {
  FaultInput,
  FaultSpec,
  HookBehaviour,
  Scenario,
  ScenarioInput,
} from './scenario/Scenario.js';
export type { ReadyInfo } from './startSandbox.js';
export { readyInfo, startSandbox } from './startSandbox.js';
