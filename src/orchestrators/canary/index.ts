import * as df from 'durable-functions';

import { canaryOrchestratorName } from '../../domain/canary/index.js';
import { canaryRelease } from './canaryRelease.js';

export { canaryRelease } from './canaryRelease.js';
export { runCanary } from './runCanary.js';

/** Registers `canaryRelease` (called by the composition root). */
export function registerCanaryOrchestrators(): void {
  df.app.orchestration(canaryOrchestratorName, canaryRelease);
}
