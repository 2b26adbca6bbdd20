import { auditMonitorEvent } from './auditMonitorEvent.js';
import { beginSwapBack } from './beginSwapBack.js';
import type {
  MonitorActivityInput,
  MonitorActivityName,
  MonitorActivityOutput,
} from './contracts.js';
import type { MonitorDeps } from './MonitorDeps.js';
import { notifyRollback } from './notifyRollback.js';
import { pageRollback } from './pageRollback.js';
import { queryRequests } from './queryRequests.js';
import { sampleProduction } from './sampleProduction.js';
import { verifyProduction } from './verifyProduction.js';

/** Every monitoring activity, keyed by name. */
export type MonitorActivities = {
  [N in MonitorActivityName]: (input: MonitorActivityInput<N>) => Promise<MonitorActivityOutput<N>>;
};

/**
 * Builds the monitoring activities over the ports. Each does one thing, is idempotent, and
 * throws RetryAfterError / NonRetryableError rather than returning error text.
 */
export function createMonitorActivities(deps: MonitorDeps): MonitorActivities {
  return {
    monitorQueryRequests: (input) => queryRequests(deps, input),
    monitorSampleProduction: (input) => sampleProduction(deps, input),
    monitorBeginSwapBack: (input) => beginSwapBack(deps, input),
    monitorPollSwapBack: (input) => deps.appService.pollSwap(input.handle),
    monitorVerifyProduction: (input) => verifyProduction(deps, input),
    monitorNotifyRollback: (input) => notifyRollback(deps, input),
    monitorPageRollback: (input) => pageRollback(deps, input),
    monitorAudit: (input) => auditMonitorEvent(deps, input),
  };
}
