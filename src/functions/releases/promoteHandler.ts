import { randomUUID } from 'node:crypto';

import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';

import type { ClaimStore } from '../../azure/ports/index.js';
import {
  canaryEvents,
  canaryInstanceId,
  decidePromote,
  type PromoteFacts,
  type PromoteRequest,
} from '../../domain/canary/index.js';
import { orchestratorNames, type ReleasePlan } from '../../domain/release/index.js';
import { readCanaryStatus, readReleaseInput, toIso } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
import { accepted } from '../http/accepted.js';
import { NotFoundError } from '../http/ApiError.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { decideOnce } from './decideOnce.js';
import { promoteRefusal } from './promoteRefusal.js';
import { requestOrigin } from './requestOrigin.js';

const running = new Set(['Running', 'Pending']);

/**
 * `POST /api/releases/{id}/promote {reason?, step?}`: the canary goes to its next step now (or,
 * at its last step, to the swap). Approvers only (see decidePromote). Compare-and-set over the
 * claims (see `decideOnce`): each step of a canary run is promoted once, so of concurrent
 * promotes one answers 202 and the others 409 naming the one that won, without waiting for
 * the canary; a promote naming a step other than the one in progress (`step`, 1-based) is a
 * 409 too. 401 without identity, 403 not an approver, 404 unknown release, 409 no canary
 * step to promote (worded by {@link promoteRefusal}).
 */
export function promoteHandler(deps: Pick<ApiDeps, 'identity' | 'claims'>): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.promote);
    const releaseId = request.params.id ?? '';
    const { plan, canary } = await readPromoteTarget(client, releaseId);
    const named = body.step === undefined ? undefined : body.step - 1;
    const decision = decidePromote(plan, promoteFacts(canary), principal.email, named);
    if (decision.kind !== 'allowed') {
      throw promoteRefusal(decision, { releaseId, actor: principal.email });
    }
    const promote = promoteRequest(decision.fromStep, principal.email, body.reason, new Date());
    await raiseOnce(deps.claims, client, { releaseId, canary, promote });
    context.log(
      `release ${releaseId}: canary step ${promote.fromStep + 1} promoted by ${promote.by}`,
    );
    return accepted(requestOrigin(request.url), releaseId, {
      releaseId,
      step: promote.fromStep,
      percent: decision.percent,
      by: promote.by,
      at: promote.at,
    });
  };
}

/** The release's plan and its canary's status (undefined before the canary starts); 404 unknown. */
async function readPromoteTarget(
  client: DurableClient,
  releaseId: string,
): Promise<{ plan: ReleasePlan; canary: DurableOrchestrationStatus | undefined }> {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release) {
    throw new NotFoundError(`No release with id ${releaseId}.`);
  }
  const { plan } = readReleaseInput(release.input, releaseId);
  return { plan, canary: await tryGetStatus(client, canaryInstanceId(releaseId)) };
}

function promoteFacts(canary: DurableOrchestrationStatus | undefined): PromoteFacts {
  return {
    running: canary !== undefined && running.has(canary.runtimeStatus),
    status: readCanaryStatus(canary?.customStatus),
  };
}

function promoteRequest(
  fromStep: number,
  by: string,
  reason: string | undefined,
  now: Date,
): PromoteRequest {
  return {
    fromStep,
    by,
    at: now.toISOString(),
    requestId: randomUUID(),
    ...(reason === undefined ? {} : { reason }),
  };
}

/** Raises the promote once per step of one canary run (its creation); 409 to the others. */
async function raiseOnce(
  claims: ClaimStore,
  client: DurableClient,
  target: {
    releaseId: string;
    canary: DurableOrchestrationStatus | undefined;
    promote: PromoteRequest;
  },
): Promise<void> {
  const { releaseId, canary, promote } = target;
  const run = canary === undefined ? 'unknown' : toIso(canary.createdTime);
  await decideOnce(
    claims,
    [releaseId, run, 'promote', String(promote.fromStep)],
    { decision: 'promoted', by: promote.by, at: promote.at },
    (won) =>
      promoteRefusal(
        { kind: 'alreadyPromoted', step: promote.fromStep, by: won.by, at: won.at },
        { releaseId, actor: promote.by },
      ),
    () => client.raiseEvent(canaryInstanceId(releaseId), canaryEvents.promote, promote),
  );
}
