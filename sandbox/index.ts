export { rewritingHttpClient } from './auth/rewritingHttpClient.js';
export { SANDBOX_TOKEN, staticCredential } from './auth/staticCredential.js';
export type { ActionGroupDelivery, AlertFiring } from './monitor/ActionGroups.js';
export type { PushResult, Sandbox, SandboxOptions, SiteState } from './Sandbox.js';
export { defaultScenarioPath, loadScenario } from './scenario/loadScenario.js';
export type { FaultSpec, HookBehaviour, Scenario, ScenarioInput } from './scenario/Scenario.js';
export type { ReadyInfo } from './startSandbox.js';
export { readyInfo, startSandbox } from './startSandbox.js';
