import type { DurableClient } from 'durable-functions';

import { consoleReleaseUrl } from '../../domain/release/index.js';
import type { ReleaseLinks } from '../../domain/view/index.js';

/**
 * The links of a release view: the API routes on the request's origin and the durable
 * status URL (moved to the same origin, as createCheckStatusResponse does), and the release's
 * page in the web console.
 */
export function releaseLinks(client: DurableClient, origin: string, id: string): ReleaseLinks {
  const status = new URL(client.createHttpManagementPayload(id).statusQueryGetUri);
  const base = new URL(origin);
  status.protocol = base.protocol;
  status.host = base.host;
  return {
    self: `${origin}/api/releases/${id}`,
    approve: `${origin}/api/releases/${id}/approve`,
    status: status.href,
    console: consoleReleaseUrl(origin, id),
  };
}
