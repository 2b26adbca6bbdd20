import * as df from 'durable-functions';

import type { ApiDeps } from './ApiDeps.js';
import { withProblems } from './http/withProblems.js';
import { promoteHandler } from './releases/promoteHandler.js';

/** Registers `POST /api/releases/{id}/promote` (next canary step now; approvers only). */
export function registerCanaryFunctions(deps: Pick<ApiDeps, 'identity' | 'claims'>): void {
  df.app.client.http('promoteRelease', {
    methods: ['POST'],
    route: 'releases/{id}/promote',
    authLevel: 'function',
    handler: withProblems(promoteHandler(deps)),
  });
}
