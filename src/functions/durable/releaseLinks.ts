import { consoleReleaseUrl } from '../../domain/release/index.js';
import type { ReleaseLinks } from '../../domain/view/index.js';

/**
 * The links of a release view: Slotpilot's own API routes on the request's origin (`self` is
 * the release's status URL) and the release's page in the web console. Never a Durable
 * management URL: those carry the system key.
 */
export function releaseLinks(origin: string, id: string): ReleaseLinks {
  return {
    self: releaseStatusUrl(origin, id),
    approve: `${origin}/api/releases/${id}/approve`,
    console: consoleReleaseUrl(origin, id),
  };
}

/** Slotpilot's status URL of a release: `GET /api/releases/{id}` (read-only, function key). */
export function releaseStatusUrl(origin: string, id: string): string {
  return `${origin}/api/releases/${encodeURIComponent(id)}`;
}
