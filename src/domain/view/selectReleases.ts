import { compareNewestFirst } from './listCursor.js';
import type { ReleaseListQuery } from './parseListQuery.js';
import type { ReleaseSummary } from './ReleaseView.js';

/**
 * True when a release passes the list's filters: its pipeline and status, and after the page's
 * cursor in newest-first order (`since` is the created-time windows' business). Pure.
 */
export function matchesListQuery(
  release: ReleaseSummary,
  query: Pick<ReleaseListQuery, 'pipeline' | 'status' | 'after'>,
): boolean {
  return (
    (query.pipeline === undefined || release.pipeline === query.pipeline) &&
    (query.status === undefined || release.status === query.status) &&
    (query.after === undefined || compareNewestFirst(release, query.after) > 0)
  );
}

/** Applies the list filters and returns the newest `top` releases first. Pure. */
export function selectReleases(
  releases: readonly ReleaseSummary[],
  query: Pick<ReleaseListQuery, 'pipeline' | 'status' | 'after' | 'top'>,
): ReleaseSummary[] {
  return releases
    .filter((r) => matchesListQuery(r, query))
    .sort(compareNewestFirst)
    .slice(0, query.top);
}
