import {
  encodeListCursor,
  parseListQuery,
  type ReleaseListQuery,
  type ReleaseSummary,
} from '../../domain/view/index.js';
import { json } from '../http/json.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { listReleasePage } from './listReleasePage.js';
import { requestOrigin } from './requestOrigin.js';

/** What the list route needs from the composition root. */
export interface ListReleasesDeps {
  /** The retention period (SLOTPILOT_RETENTION): default and maximum reach of `since`. */
  retentionMs: number;
  /** The current time; the wall clock by default. */
  now?: () => Date;
}

/**
 * `GET /api/releases?pipeline=&status=&top=&since=&cursor=`: release summaries, newest first,
 * `{releases, count, next?}`; `next` is the URL of the following page, present while older
 * releases may match. 400 on bad parameters.
 */
export function listReleasesHandler(deps: ListReleasesDeps): ClientHttpHandler {
  return async (request, client) => {
    const nowMs = (deps.now?.() ?? new Date()).getTime();
    const query = parseListQuery((name) => request.query.get(name), {
      nowMs,
      retentionMs: deps.retentionMs,
    });
    const origin = requestOrigin(request.url);
    const page = await listReleasePage(client, query, { nowMs, origin });
    const last = page.releases.at(-1);
    const next = page.more && last !== undefined ? nextLink(origin, query, last) : undefined;
    return json(200, {
      releases: page.releases,
      count: page.releases.length,
      ...(next === undefined ? {} : { next }),
    });
  };
}

/** The next page's URL: the same filters and `since`, and a cursor after `last`. */
function nextLink(origin: string, query: ReleaseListQuery, last: ReleaseSummary): string {
  const params = new URLSearchParams();
  if (query.pipeline !== undefined) params.set('pipeline', query.pipeline);
  if (query.status !== undefined) params.set('status', query.status);
  params.set('top', String(query.top));
  if (query.sinceText !== undefined) params.set('since', query.sinceText);
  params.set('cursor', encodeListCursor(last));
  return `${origin}/api/releases?${params.toString()}`;
}
