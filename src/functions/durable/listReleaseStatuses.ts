import type { DurableClient, OrchestrationFilter } from 'durable-functions';

import { orchestratorNames } from '../../domain/release/index.js';
import type { DurableStatusLike } from '../../domain/view/index.js';

/**
 * Statuses of every `releasePipeline` instance (sub-orchestrations and other orchestrations
 * are left out), with their inputs. `activeOnly` asks for Running and Pending ones only.
 */
export async function listReleaseStatuses(
  client: DurableClient,
  options: { activeOnly?: boolean } = {},
): Promise<DurableStatusLike[]> {
  // showInput is not in OrchestrationFilter's type, but the client forwards it as a query
  // parameter; without it a list may omit the inputs the views read.
  const filter: OrchestrationFilter & { showInput: boolean } = {
    showInput: true,
    ...(options.activeOnly === true
      ? { runtimeStatus: ['Running', 'Pending'] as OrchestrationFilter['runtimeStatus'] }
      : {}),
  };
  const statuses = (await client.getStatusBy(filter)) as unknown as DurableStatusLike[];
  return statuses.filter((s) => s.name === orchestratorNames.release);
}
