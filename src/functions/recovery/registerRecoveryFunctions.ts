import * as df from 'durable-functions';

import { withProblems } from '../http/withProblems.js';
import type { RecoveryDeps } from './RecoveryDeps.js';
import { resumeHandler } from './resumeHandler.js';
import { rollbackHandler } from './rollbackHandler.js';

/**
 * Registers the recovery routes: `POST /api/releases/{id}/rollback` (manual rollback during a
 * canary, during the monitoring window or after it) and `POST /api/releases/{id}/resume`
 * (continue a monitor paused on an inconclusive sample). Both need a function key and an
 * identity. Alert pushes have their own route (`registerAlertFunctions`).
 */
export function registerRecoveryFunctions(deps: RecoveryDeps): void {
  df.app.client.http('requestRollback', {
    methods: ['POST'],
    route: 'releases/{id}/rollback',
    authLevel: 'function',
    handler: withProblems(rollbackHandler(deps)),
  });
  df.app.client.http('resumeMonitoring', {
    methods: ['POST'],
    route: 'releases/{id}/resume',
    authLevel: 'function',
    handler: withProblems(resumeHandler(deps)),
  });
}
