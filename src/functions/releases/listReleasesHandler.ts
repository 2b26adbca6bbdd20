import {
  buildReleaseView,
  parseListQuery,
  selectReleases,
  summarizeRelease,
} from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { listReleaseStatuses } from '../durable/listReleaseStatuses.js';
import { releaseLinks } from '../durable/releaseLinks.js';
import { json } from '../http/json.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { withOriginalOutcome } from './getReleaseHandler.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `GET /api/releases?pipeline=&status=&top=`: release summaries, newest first (400 on bad
 * filters). A release whose durable record was replaced by a refused start is listed with its
 * original outcome from the audit trail, as its view shows it.
 */
export function listReleasesHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client) => {
    const query = parseListQuery((name) => request.query.get(name));
    const origin = requestOrigin(request.url);
    const statuses = await listReleaseStatuses(client);
    const summaries = await Promise.all(
      statuses.map(async (release) =>
        summarizeRelease(
          await withOriginalOutcome(
            deps.audit,
            buildReleaseView({ release, links: releaseLinks(client, origin, release.instanceId) }),
          ),
        ),
      ),
    );
    const releases = selectReleases(summaries, query);
    return json(200, { releases, count: releases.length });
  };
}
