import { loadReleaseView } from '../durable/loadReleaseView.js';
import { json } from '../http/json.js';
import { readReleaseId } from '../http/readRouteId.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `GET /api/releases/{id}`: the release view (DESIGN §4); 404 for an unknown id. This is
 * Slotpilot's status URL: every 202 that starts or changes a release points here.
 */
export function getReleaseHandler(): ClientHttpHandler {
  return async (request, client) => {
    const { view } = await loadReleaseView(
      client,
      readReleaseId(request.params),
      requestOrigin(request.url),
    );
    return json(200, view);
  };
}
