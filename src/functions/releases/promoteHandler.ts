import { randomUUID } from 'node:crypto';

import {
  canaryEvents,
  canaryInstanceId,
  decidePromote,
  type PromoteRequest,
} from '../../domain/canary/index.js';
import { orchestratorNames } from '../../domain/release/index.js';
import { readCanaryStatus, readReleaseInput, toIso } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
import { accepted } from '../http/accepted.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/ApiError.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { decideOnce } from './decideOnce.js';
import { requestOrigin } from './requestOrigin.js';

const running = new Set(['Running', 'Pending']);

/**
 * `POST /api/releases/{id}/promote {reason?, step?}`: the canary goes to its next step now (or,
 * at its last step, to the swap). Approvers only (see decidePromote). Compare-and-set over the
 * claims (see `decideOnce`): each step of a canary run is promoted once, so of concurrent
 * promotes one answers 202 and the others 409 naming the one that won, without waiting for
 * the canary; a promote naming a step other than the one in progress (`step`, 1-based) is a
 * 409 too. 401 without identity, 403 not an approver, 404 unknown release, 409 no canary
 * step to promote.
 */
export function promoteHandler(deps: Pick<ApiDeps, 'identity' | 'claims'>): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.promote);
    const releaseId = request.params.id ?? '';
    const release = await tryGetStatus(client, releaseId);
    if (release?.name !== orchestratorNames.release)
      throw new NotFoundError(`No release with id ${releaseId}.`);
    const { plan } = readReleaseInput(release.input, releaseId);
    const canaryId = canaryInstanceId(releaseId);
    const canary = await tryGetStatus(client, canaryId);
    const decision = decidePromote(
      plan,
      {
        running: canary !== undefined && running.has(canary.runtimeStatus),
        status: readCanaryStatus(canary?.customStatus),
      },
      principal.email,
    );
    switch (decision.kind) {
      case 'notApprover':
        throw new ForbiddenError(`${principal.email} may not promote release ${releaseId}.`, {
          approvers: decision.approvers,
        });
      case 'noCanary':
        throw new ConflictError(`Nothing to promote: ${decision.detail}.`, { releaseId });
      case 'alreadyPromoted':
        throw new ConflictError(
          `Step ${decision.step + 1} of release ${releaseId} was promoted already by ${decision.by}.`,
          { releaseId, step: decision.step, promotedBy: decision.by, promotedAt: decision.at },
        );
      case 'allowed':
        break;
    }
    if (body.step !== undefined && body.step !== decision.fromStep + 1) {
      throw new ConflictError(
        `Release ${releaseId} is at canary step ${decision.fromStep + 1}, not ${body.step}: that step was promoted already.`,
        { releaseId, step: decision.fromStep, expectedStep: body.step - 1 },
      );
    }
    const promote: PromoteRequest = {
      fromStep: decision.fromStep,
      by: principal.email,
      at: new Date().toISOString(),
      requestId: randomUUID(),
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    };
    // One canary run (its creation) promotes each step once.
    const run = canary === undefined ? 'unknown' : toIso(canary.createdTime);
    await decideOnce(
      deps.claims,
      [releaseId, run, 'promote', String(decision.fromStep)],
      { decision: 'promoted', by: promote.by, at: promote.at },
      `Step ${decision.fromStep + 1} of release ${releaseId}`,
      () => client.raiseEvent(canaryId, canaryEvents.promote, promote),
    );
    context.log(
      `release ${releaseId}: canary step ${decision.fromStep + 1} promoted by ${promote.by}`,
    );
    return accepted(requestOrigin(request.url), releaseId, {
      releaseId,
      step: decision.fromStep,
      percent: decision.percent,
      by: promote.by,
      at: promote.at,
    });
  };
}
