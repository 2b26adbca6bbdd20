import * as df from 'durable-functions';

import { monitorOrchestratorNames } from '../../domain/monitor/contract.js';
import { monitorRelease } from './monitorRelease.js';
import { rollbackRelease } from './rollbackRelease.js';

export { monitorRelease, ticksPerExecution } from './monitorRelease.js';
export type { MonitorStatus } from './MonitorStatus.js';
export { rollbackRelease } from './rollbackRelease.js';

/** Registers `monitorRelease` and `rollbackRelease` (called by the composition root). */
export function registerMonitorOrchestrators(): void {
  df.app.orchestration(monitorOrchestratorNames.monitor, monitorRelease);
  df.app.orchestration(monitorOrchestratorNames.rollback, rollbackRelease);
}
