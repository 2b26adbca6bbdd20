import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';

import {
  mayRollBack,
  type MonitorDecision,
  monitorEvents,
  type MonitorInput,
  monitorInstanceId,
  monitorOrchestratorNames,
  rollbackInstanceId,
  type RollbackReleaseInput,
} from '../domain/monitor/index.js';
import { orchestratorNames, releaseEvents, type RollbackRequest } from '../domain/release/index.js';
import { readReleaseInput } from '../domain/view/index.js';
import type { RecoveryDeps } from './alerts.js';
import { raiseToCanary } from './durable/raiseToCanary.js';
import { tryGetStatus } from './durable/tryGetStatus.js';
import { accepted } from './http/accepted.js';
import { ConflictError, ForbiddenError, NotFoundError } from './http/ApiError.js';
import { authenticate } from './http/authenticate.js';
import { readBody } from './http/readBody.js';
import { readReleaseId } from './http/readRouteId.js';
import { requestBodies } from './http/requestBodies.js';
import type { ClientHttpHandler } from './http/withProblems.js';
import { decideOnce } from './releases/decideOnce.js';
import { requestOrigin } from './releases/requestOrigin.js';

const running = new Set(['Running', 'Pending', 'ContinuedAsNew']);

/**
 * `POST /api/releases/{id}/rollback {reason}`. During the monitoring window: raises `rollback`
 * on the monitor, which swaps back at once (202). After it: starts `rollbackRelease`
 * (`${id}-rollback`) and answers once it knows whether the slot still runs the previous
 * digest: 202 when the swap back started, 409 when it was refused (nothing changed). 401
 * without identity, 403 unless the caller approves some stage of the release, 404 unknown,
 * 409 when nothing was swapped yet or it was rolled back already, or when another decision
 * won (compare-and-set, see `decideOnce`: one rollback per release; while the monitor is
 * paused, a rollback and a resume of that pause compete).
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
    const claim = { decision: 'rollback', by: rollback.by, at: rollback.at };
    if (await rollbackCanary(client, releaseId, principal.email, rollback)) {
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during the canary`);
      return accepted(origin, releaseId, { releaseId, phase: 'canary', ...rollback });
    }
    const monitor = await monitorOf(client, releaseId, principal.email);
    // One production run of the release (`swappedAt`) is rolled back once.
    const run = [releaseId, swapOf(monitor)];
    if (running.has(monitor.runtimeStatus)) {
      // While the monitor is paused a rollback competes with a resume of that pause.
      const since = pausedSince(monitor);
      await decideOnce(
        deps.claims,
        since === undefined ? [...run, 'rollback'] : [...run, 'monitor', since],
        claim,
        `Monitoring of release ${releaseId}`,
        () => client.raiseEvent(monitor.instanceId, releaseEvents.rollback, rollback),
      );
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during monitoring`);
      return accepted(origin, releaseId, { releaseId, phase: 'monitoring', ...rollback });
    }
    const outcome = (monitor.output as { outcome?: string } | null)?.outcome;
    if (outcome === 'rolledBack')
      throw new ConflictError(`Release ${releaseId} was rolled back already.`);

    const id = rollbackInstanceId(releaseId);
    const previous = await tryGetStatus(client, id);
    if ((previous?.output as { outcome?: string } | null)?.outcome === 'rolledBack') {
      throw new ConflictError(`Release ${releaseId} was rolled back already.`);
    }
    const { carry: _carry, ...target } = monitor.input as MonitorInput;
    const input: RollbackReleaseInput = { monitor: target, request: rollback };
    const giveBack = await decideOnce(
      deps.claims,
      [...run, 'rollback'],
      claim,
      `Rolling back release ${releaseId}`,
      async () => {
        await client.startNew(monitorOrchestratorNames.rollback, { instanceId: id, input });
      },
    );
    const settled = await waitForDecision(client, id);
    if (settled.phase === 'refused') {
      await giveBack(); // nothing changed: a later request may try again
      throw new ConflictError(`Nothing to roll back: ${settled.error ?? 'the slot changed'}.`, {
        releaseId,
      });
    }
    context.log(`release ${releaseId}: rollback after the window requested by ${rollback.by}`);
    return accepted(origin, releaseId, { releaseId, phase: settled.phase, ...rollback });
  };
}

/**
 * `POST /api/releases/{id}/resume {reason}`: a monitor paused on an inconclusive sample
 * (policy `pause`) goes on watching. 409 unless it is paused, or when another decision on
 * that pause won; roll back with /rollback.
 */
export function resumeHandler(deps: RecoveryDeps): ClientHttpHandler {
  return async (request, client) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const monitor = await monitorOf(client, releaseId, principal.email);
    const since = pausedSince(monitor);
    if (!running.has(monitor.runtimeStatus) || since === undefined) {
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

/** When the monitored run swapped (its input's `swappedAt`): names that run's decisions. */
function swapOf(monitor: DurableOrchestrationStatus): string {
  const swappedAt = (monitor.input as Partial<MonitorInput> | null)?.swappedAt;
  return typeof swappedAt === 'string' && swappedAt !== '' ? swappedAt : 'unknown';
}

/** The `waitingForDecision.since` of a monitor paused for a decision, else undefined. */
function pausedSince(monitor: DurableOrchestrationStatus): string | undefined {
  const custom = monitor.customStatus as { waitingForDecision?: { since?: unknown } } | null;
  const since = custom?.waitingForDecision?.since;
  return typeof since === 'string' ? since : undefined;
}

/** During a canary: aborts it (share 0 %) after the 404/403 checks; false when none runs. */
async function rollbackCanary(
  client: DurableClient,
  releaseId: string,
  actor: string,
  rollback: RollbackRequest,
): Promise<boolean> {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release)
    throw new NotFoundError(`No release with id ${releaseId}.`);
  if (!mayRollBack(readReleaseInput(release.input, releaseId).plan, actor)) {
    throw new ForbiddenError(`${actor} approves no stage of release ${releaseId}.`);
  }
  return raiseToCanary(client, releaseId, releaseEvents.rollback, rollback);
}

/** The release's monitor status (with input), after the 404/403/409 checks. */
async function monitorOf(
  client: DurableClient,
  releaseId: string,
  actor: string,
): Promise<DurableOrchestrationStatus> {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release)
    throw new NotFoundError(`No release with id ${releaseId}.`);
  const { plan } = readReleaseInput(release.input, releaseId);
  if (!mayRollBack(plan, actor)) {
    throw new ForbiddenError(`${actor} approves no stage of release ${releaseId}.`);
  }
  const monitor = await tryGetStatus(client, monitorInstanceId(releaseId));
  if (monitor === undefined || monitor.input === null || monitor.input === undefined) {
    throw new ConflictError(
      `Nothing to roll back: release ${releaseId} was not swapped into production.`,
    );
  }
  return monitor;
}

/** Waits (≤ 10 s) until the rollback orchestration has checked the slots. */
async function waitForDecision(
  client: DurableClient,
  id: string,
): Promise<{ phase: string; error?: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await tryGetStatus(client, id);
    const custom = status?.customStatus as { phase?: string } | null | undefined;
    const output = status?.output as { outcome?: string; error?: string } | null | undefined;
    if (output?.outcome === 'refused')
      return { phase: 'refused', ...(output.error !== undefined && { error: output.error }) };
    if (custom?.phase !== undefined && custom.phase !== 'checking' && custom.phase !== 'refused') {
      return { phase: custom.phase };
    }
    if (status !== undefined && !running.has(status.runtimeStatus)) return { phase: 'done' };
    if (Date.now() > deadline) return { phase: 'checking' };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
