import type { IncomingMessage, ServerResponse } from 'node:http';

import { HttpError } from '../http/HttpError.js';
import type { SandboxContext } from '../SandboxContext.js';

/** Builds the Log Analytics query handler (`/v1/workspaces/{id}/query`, `/v1/{resourceId}/query`). */
export function createLogsHandler(
  _ctx: SandboxContext,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return () =>
    Promise.reject(new HttpError(501, 'NotImplemented', 'Logs query is not implemented yet.'));
}
