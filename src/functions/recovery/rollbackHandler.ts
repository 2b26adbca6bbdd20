import type { DurableClient } from 'durable-functions';

import {
  decideManualRollback,
  type MonitorInput,
  monitorOrchestratorNames,
  rollbackInstanceId,
  type RollbackReleaseInput,
} from '../../domain/monitor/index.js';
import { releaseEvents, type RollbackRequest } from '../../domain/release/index.js';
import { toIso } from '../../domain/view/index.js';
import { raiseToCanary } from '../durable/raiseToCanary.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
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
 * `POST /api/releases/{id}/rollback {reason}`. During a canary: aborts it (share 0 %). During
 * the monitoring window: raises `rollback` on the monitor, which swaps back at once. After it:
 * starts `rollbackRelease` (`${id}-rollback`), which swaps back only while the slot still runs
 * the previous digest. Every case answers 202 at once with `Location` (the release's status
 * URL, whose `rollbackRequest` and `step` show the rollback in progress and how it ended,
 * `refused` included) and `Retry-After`. 401 without identity, 403 unless the caller approves
 * some stage of the release, 404 unknown, 409 when nothing was swapped yet, it was rolled back
 * already, or another decision won (see `decideManualRollback`).
 */
export function rollbackHandler(deps: RecoveryDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const rollback: RollbackRequest = {
      source: 'manual',
      by: principal.email,
      reason: body.reason,
      at: new Date().toISOString(),
    };
    await authoriseRecovery(client, releaseId, principal.email);
    if (await raiseToCanary(client, releaseId, releaseEvents.rollback, rollback)) {
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during the canary`);
      return accepted(origin, releaseId, { releaseId, phase: 'canary', ...rollback });
    }
    const route = await routeRollback(client, releaseId);
    if (route.kind === 'refuse') throw new ConflictError(route.reason);
    const claim = { decision: 'rollback', by: rollback.by, at: rollback.at };
    if (route.kind === 'raise') {
      await decideOnce(deps.claims, route.slot, claim, `Monitoring of release ${releaseId}`, () =>
        client.raiseEvent(route.monitor, releaseEvents.rollback, rollback),
      );
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during monitoring`);
      return accepted(origin, releaseId, { releaseId, phase: 'monitoring', ...rollback });
    }
    const input: RollbackReleaseInput = { monitor: route.target, request: rollback };
    await decideOnce(
      deps.claims,
      route.slot,
      claim,
      `Rolling back release ${releaseId}`,
      async () => {
        await client.startNew(monitorOrchestratorNames.rollback, {
          instanceId: rollbackInstanceId(releaseId),
          input,
        });
      },
    );
    context.log(`release ${releaseId}: rollback after the window requested by ${rollback.by}`);
    return accepted(origin, releaseId, { releaseId, phase: 'afterWindow', ...rollback });
  };
}

/** Reads the monitor and the last rollback of the release, and decides what to do. */
async function routeRollback(
  client: DurableClient,
  releaseId: string,
): Promise<
  | { kind: 'raise'; slot: string[]; monitor: string }
  | { kind: 'start'; slot: string[]; target: Omit<MonitorInput, 'carry'> }
  | { kind: 'refuse'; reason: string }
> {
  const monitor = await loadMonitor(client, releaseId);
  const last = await tryGetStatus(client, rollbackInstanceId(releaseId));
  const since = pausedSince(monitor);
  const route = decideManualRollback({
    releaseId,
    monitor: {
      live: liveStatuses.has(monitor.runtimeStatus),
      swappedAt: swapOf(monitor),
      ...(since === undefined ? {} : { pausedSince: since }),
      ...outcomeOf(monitor.output),
    },
    ...(last === undefined
      ? {}
      : {
          lastRollback: {
            live: liveStatuses.has(last.runtimeStatus),
            createdAt: toIso(last.createdTime),
            ...outcomeOf(last.output),
          },
        }),
  });
  switch (route.kind) {
    case 'raise':
      return { ...route, monitor: monitor.instanceId };
    case 'start': {
      const { carry: _carry, ...target } = monitor.input;
      return { ...route, target };
    }
    case 'refuse':
      return route;
  }
}

/** `{outcome}` of an orchestration's output that names one, else nothing. */
function outcomeOf(output: unknown): { outcome?: string } {
  const outcome = (output as { outcome?: unknown } | null | undefined)?.outcome;
  return typeof outcome === 'string' ? { outcome } : {};
}
