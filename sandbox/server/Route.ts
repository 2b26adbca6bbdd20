import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request handler for one path prefix. `base` is the origin the caller reached (the TLS
 * listener's own origin, or the public Azure origin when reached through the rewriting client).
 */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  base: { arm: string; logs: string },
) => Promise<void>;

/** A prefix and its handler; `prefix` is matched case-insensitively against the path. */
export interface Route {
  prefix: string;
  handle: RouteHandler;
  /** Whether calls are recorded in the ARM audit. */
  audited?: boolean;
}
