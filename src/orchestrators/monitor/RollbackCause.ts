import type { MonitorResult, RollbackTrigger } from '../../domain/monitor/contract.js';
import type { ReleaseCustomStatus, RollbackRequest } from '../../domain/release/contract.js';

/** Why a rollback happens, as decided by the monitor or asked by a person or an alert. */
export interface RollbackCause {
  trigger: RollbackTrigger;
  reason: string;
  evidence: Record<string, unknown>;
  /** ISO time the problem was first seen. */
  detectedAt: string;
  /** Who asked (manual/alert) or `slotpilot`. */
  actor: string;
}

/**
 * The cause of a rollback a person or an alert asked for. Its detection time is on the
 * orchestration's clock like the decision and swap-back times: a manual request is detected
 * when Slotpilot receives it (`receivedAt`), an alert when Azure Monitor fired it if that was
 * earlier. The API's own time of the request stays in the evidence as `requestedAt`.
 */
export function requestedRollback(request: RollbackRequest, receivedAt: string): RollbackCause {
  const firedEarlier = request.source === 'alert' && request.at < receivedAt;
  return {
    trigger: request.source,
    reason: request.reason,
    evidence: {
      source: request.source,
      requestedBy: request.by,
      requestedAt: request.at,
      ...(request.evidence ?? {}),
    },
    detectedAt: firedEarlier ? request.at : receivedAt,
    actor: request.by,
  };
}

/** The `rollback` part of the release view while and after rolling back. */
export type RollbackView = NonNullable<ReleaseCustomStatus['rollback']>;

/** What rolling back ended in; `refused` only when the caller asked to get it back. */
export type RollbackOutcome =
  | Extract<MonitorResult, { outcome: 'rolledBack' | 'rollbackFailed' }>
  | { outcome: 'refused'; error: string };
