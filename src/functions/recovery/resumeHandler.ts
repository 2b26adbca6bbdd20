import type { MonitorDecision } from '../../domain/monitor/index.js';
import { monitorEvents } from '../../domain/monitor/index.js';
import { accepted } from '../http/accepted.js';
import { ConflictError } from '../http/ApiError.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { readReleaseId } from '../http/readRouteId.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { decideOnce } from '../releases/decideOnce.js';
import { requestOrigin } from '../releases/requestOrigin.js';
import { authoriseRecovery } from './authoriseRecovery.js';
import { liveStatuses, loadMonitor, pausedSince, swapOf } from './loadMonitor.js';
import type { RecoveryDeps } from './RecoveryDeps.js';

/**
 * `POST /api/releases/{id}/resume {reason}`: a monitor paused on an inconclusive sample
 * (policy `pause`) goes on watching. 409 unless it is paused, or when another decision on
 * that pause won (a rollback of the same pause competes); roll back with /rollback.
 */
export function resumeHandler(deps: RecoveryDeps): ClientHttpHandler {
  return async (request, client) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    await authoriseRecovery(client, releaseId, principal.email);
    const monitor = await loadMonitor(client, releaseId);
    const since = pausedSince(monitor);
    if (!liveStatuses.has(monitor.runtimeStatus) || since === undefined) {
      throw new ConflictError(`Release ${releaseId}: monitoring is not paused for a decision.`);
    }
    const decision: MonitorDecision = {
      decision: 'continue',
      by: principal.email,
      reason: body.reason,
      at: new Date().toISOString(),
      pausedSince: since,
    };
    await decideOnce(
      deps.claims,
      [releaseId, swapOf(monitor), 'monitor', since],
      { decision: 'resumed', by: decision.by, at: decision.at },
      `Monitoring of release ${releaseId}`,
      () => client.raiseEvent(monitor.instanceId, monitorEvents.decision, decision),
    );
    return accepted(requestOrigin(request.url), releaseId, { releaseId, ...decision });
  };
}
