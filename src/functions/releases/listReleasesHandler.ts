import {
  buildReleaseView,
  parseListQuery,
  selectReleases,
  summarizeRelease,
} from '../../domain/view/index.js';
import { listReleaseStatuses } from '../durable/listReleaseStatuses.js';
import { releaseLinks } from '../durable/releaseLinks.js';
import { json } from '../http/json.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `GET /api/releases?pipeline=&status=&top=`: release summaries, newest first (400 on bad
 * filters).
 */
export function listReleasesHandler(): ClientHttpHandler {
  return async (request, client) => {
    const query = parseListQuery((name) => request.query.get(name));
    const origin = requestOrigin(request.url);
    const statuses = await listReleaseStatuses(client);
    const summaries = statuses.map((release) =>
      summarizeRelease(
        buildReleaseView({ release, links: releaseLinks(origin, release.instanceId) }),
      ),
    );
    const releases = selectReleases(summaries, query);
    return json(200, { releases, count: releases.length });
  };
}
