import type { ReleaseListQuery } from './parseListQuery.js';
import type { ReleaseSummary } from './ReleaseView.js';

/** Applies the list filters and returns the newest `top` releases first. Pure. */
export function selectReleases(
  releases: readonly ReleaseSummary[],
  query: ReleaseListQuery,
): ReleaseSummary[] {
  return releases
    .filter((r) => query.pipeline === undefined || r.pipeline === query.pipeline)
    .filter((r) => query.status === undefined || r.status === query.status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, query.top);
}
