import type { CanaryInput } from '../canary/contract.js';
import { matchesCanaryAlert } from '../canary/matchesCanaryAlert.js';
import type { SlotpilotConfig } from '../config/index.js';
import type { RollbackRequest } from '../release/contract.js';
import type { MonitorInput } from './contract.js';
import { matchesAlert } from './matchesAlert.js';
import type { AlertPush } from './parseAlertPush.js';

/** What an alert push does: who gets `rollback`, and the request they get. */
export interface AlertRollback {
  /** Releases whose monitor, in its window, swaps back at once. */
  monitors: string[];
  /** Releases whose canary, before its swap, is aborted (share 0 %). */
  canaries: string[];
  rollback: RollbackRequest;
}

/**
 * The alert policy (`POST /api/alerts`): a firing alert reaches every monitor in its window
 * and every running canary whose release it is about (see `matchesAlert`,
 * `matchesCanaryAlert`; the App Insights component of each from `config`). The rollback is
 * dated when the alert fired when it says so and that is earlier than `receivedAt` (detection
 * time counts from the alert), else when it arrived. Pure.
 *
 * @example decideAlertRollback(alert, 'azure-monitor', '2026-01-05T10:00:05Z', { monitors, canaries }, config)
 * // { monitors: ['pwbi-api-3f2a…'], canaries: [], rollback: { source: 'alert', … } }
 */
export function decideAlertRollback(
  alert: Extract<AlertPush, { kind: 'fire' }>,
  by: string,
  receivedAt: string,
  live: { monitors: readonly MonitorInput[]; canaries: readonly CanaryInput[] },
  config?: SlotpilotConfig,
): AlertRollback {
  const appInsightsOf = (r: Pick<MonitorInput, 'pipeline' | 'stage'>): string | undefined =>
    config?.pipelines.find((p) => p.name === r.pipeline)?.stages.find((s) => s.name === r.stage)
      ?.monitor?.appInsights;
  return {
    monitors: live.monitors
      .filter((m) => matchesAlert(alert.target, m, appInsightsOf(m)))
      .map((m) => m.releaseId),
    canaries: live.canaries
      .filter((c) => matchesCanaryAlert(alert.target, c, appInsightsOf(c)))
      .map((c) => c.releaseId),
    rollback: {
      source: 'alert',
      by,
      reason: alert.reason,
      at: alert.firedAt !== undefined && alert.firedAt < receivedAt ? alert.firedAt : receivedAt,
      evidence: { ...alert.evidence, receivedAt },
    },
  };
}
