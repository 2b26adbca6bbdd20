import type { AuditStore } from '../../azure/ports/index.js';
import { recoverOriginalOutcome, type ReleaseView } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { json } from '../http/json.js';
import { readReleaseId } from '../http/readRouteId.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `GET /api/releases/{id}`: the release view (DESIGN §4); 404 for an unknown id. A release
 * whose durable record was replaced by a refused start shows its original outcome from the
 * audit trail (see {@link withOriginalOutcome}).
 */
export function getReleaseHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client) => {
    const { view } = await loadReleaseView(
      client,
      readReleaseId(request.params),
      requestOrigin(request.url),
    );
    return json(200, await withOriginalOutcome(deps.audit, view));
  };
}

/**
 * For a view that says `startRefused`, reads the release's audit trail and fills in its
 * original outcome (`recoverOriginalOutcome`); any other view is returned as it is. The trail
 * is read under the pipeline of the release id (`<pipeline>-<digest prefix>`), so an unsealed
 * input naming another pipeline cannot point it elsewhere. An unreadable trail leaves the
 * outcome `Unknown` (said so in `startRefused.original`). Read-only.
 */
export async function withOriginalOutcome(
  audit: Pick<AuditStore, 'events'>,
  view: ReleaseView,
): Promise<ReleaseView> {
  if (view.startRefused === undefined) return view;
  const pipeline = view.id.replace(/-[0-9a-f]{20}$/, '');
  try {
    return recoverOriginalOutcome(view, await audit.events(view.id, pipeline));
  } catch {
    return view;
  }
}
