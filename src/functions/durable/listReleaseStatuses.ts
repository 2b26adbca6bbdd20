import type { DurableClient, OrchestrationFilter } from 'durable-functions';

import { orchestratorNames } from '../../domain/release/index.js';
import type {
  CreatedWindow,
  DurableStatusLike,
  RuntimeStatusName,
} from '../../domain/view/index.js';

/** One bounded scan of the task hub: a created-time window and optionally runtime statuses. */
export interface ReleaseStatusScan {
  window: CreatedWindow;
  /** Only instances in these runtime statuses; all when absent. */
  runtimeStatus?: readonly RuntimeStatusName[];
}

/**
 * Statuses of the `releasePipeline` instances created within the scan's window (both ends
 * inclusive), with their inputs; sub-orchestrations and other orchestrations are left out.
 * One `getStatusBy` call: the client follows the continuation-token pages itself.
 */
export async function listReleaseStatuses(
  client: Pick<DurableClient, 'getStatusBy'>,
  scan: ReleaseStatusScan,
): Promise<DurableStatusLike[]> {
  // showInput is not in OrchestrationFilter's type, but the client forwards it as a query
  // parameter; without it a list may omit the inputs the views read.
  const filter: OrchestrationFilter & { showInput: boolean } = {
    showInput: true,
    createdTimeFrom: new Date(scan.window.fromMs),
    ...(scan.window.toMs === undefined ? {} : { createdTimeTo: new Date(scan.window.toMs) }),
    ...(scan.runtimeStatus === undefined
      ? {}
      : { runtimeStatus: [...scan.runtimeStatus] as OrchestrationFilter['runtimeStatus'] }),
  };
  const statuses = (await client.getStatusBy(filter)) as unknown as DurableStatusLike[];
  return statuses.filter((s) => s.name === orchestratorNames.release);
}
