import type { ReleaseStatus } from '../release/index.js';

/** The Durable runtime statuses of an instance that has not ended. */
const notEnded = ['Running', 'Pending', 'Suspended', 'ContinuedAsNew'] as const;

/** A Durable runtime status name, as the status API's `runtimeStatus` filter takes it. */
export type RuntimeStatusName =
  (typeof notEnded)[number] | 'Completed' | 'Failed' | 'Terminated' | 'Canceled';

/**
 * The runtime statuses a list filtered on `status` must ask Durable for, or undefined for
 * "all". Running and WaitingForApproval come only from instances that have not ended (see
 * effectiveStatus). A final status has no narrower filter: the release publishes it in its
 * custom status and then still reports it (Slack, audit) before the instance completes, so a
 * Succeeded or RolledBack release can be Running for a while. Pure.
 */
export function runtimeStatusesFor(
  status: ReleaseStatus | undefined,
): readonly RuntimeStatusName[] | undefined {
  return status === 'Running' || status === 'WaitingForApproval' ? notEnded : undefined;
}
