import type { DurableClient } from 'durable-functions';

import {
  buildReleaseView,
  listWindows,
  matchesListQuery,
  type ReleaseListQuery,
  type ReleaseSummary,
  runtimeStatusesFor,
  selectReleases,
  summarizeRelease,
} from '../../domain/view/index.js';
import { listReleaseStatuses } from '../durable/listReleaseStatuses.js';
import { releaseLinks } from '../durable/releaseLinks.js';

/** One page of the release list. */
export interface ReleasePage {
  /** At most `top` releases, newest first. */
  releases: ReleaseSummary[];
  /** True when older releases may match too (the page was full or windows were left unscanned). */
  more: boolean;
  /** How many created-time windows were scanned (one `getStatusBy` each). */
  windowsScanned: number;
}

/**
 * Lists a page of releases by scanning created-time windows newest first (see listWindows),
 * each with the runtime statuses the `status` filter maps onto, and stops as soon as `top`
 * releases match: the usual poll of recent releases reads one day of instances only.
 */
export async function listReleasePage(
  client: Pick<DurableClient, 'getStatusBy'>,
  query: ReleaseListQuery,
  context: { nowMs: number; origin: string },
): Promise<ReleasePage> {
  const windows = listWindows({
    nowMs: context.nowMs,
    sinceMs: query.sinceMs,
    ...(query.after === undefined ? {} : { beforeMs: Date.parse(query.after.createdAt) }),
  });
  const runtimeStatus = runtimeStatusesFor(query.status);
  const found = new Map<string, ReleaseSummary>();
  let windowsScanned = 0;
  for (const window of windows) {
    const statuses = await listReleaseStatuses(client, {
      window,
      ...(runtimeStatus === undefined ? {} : { runtimeStatus }),
    });
    windowsScanned += 1;
    for (const release of statuses) {
      const summary = summarizeRelease(
        buildReleaseView({ release, links: releaseLinks(context.origin, release.instanceId) }),
      );
      if (matchesListQuery(summary, query)) found.set(summary.id, summary);
    }
    if (found.size >= query.top) break;
  }
  return {
    releases: selectReleases([...found.values()], query),
    more: found.size > query.top || windowsScanned < windows.length,
    windowsScanned,
  };
}
