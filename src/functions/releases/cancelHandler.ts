import type { ApprovalFacts } from '../../domain/identity/index.js';
import { decideCancel } from '../../domain/identity/index.js';
import { type CancelRequest, releaseEvents } from '../../domain/release/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { raiseToCanary } from '../durable/raiseToCanary.js';
import { accepted } from '../http/accepted.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { readReleaseId } from '../http/readRouteId.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { cancelOutcomeError } from './approvalOutcomeError.js';
import { decideOnce } from './decideOnce.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `POST /api/releases/{id}/cancel {reason}`: raises `cancel`. Who may cancel: anyone listed
 * as an approver of any stage of the release's pipeline (per the release's plan snapshot).
 * 401 without identity, 403 for anyone else, 404 unknown, 409 once production was swapped
 * or the release ended (a refused cancel changes nothing), or when another decision won
 * (compare-and-set, see `decideOnce`). 202 with Slotpilot's status URL.
 */
export function cancelHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const { view, input } = await loadReleaseView(client, releaseId, origin);
    const facts: ApprovalFacts = { ...view, plan: input.plan };
    const refusal = cancelOutcomeError(decideCancel(facts, principal.email), {
      releaseId,
      actor: principal.email,
    });
    if (refusal !== undefined) throw refusal;
    const cancel: CancelRequest = {
      by: principal.email,
      reason: body.reason,
      at: new Date().toISOString(),
    };
    // While it waits for an approval a cancel competes with the decisions on that wait.
    const wait = view.status === 'WaitingForApproval' ? view.waitingFor : undefined;
    await decideOnce(
      deps.claims,
      wait === undefined
        ? [releaseId, view.createdAt, 'cancel']
        : [releaseId, view.createdAt, 'approval', wait.stage],
      { decision: 'canceled', by: cancel.by, at: cancel.at },
      wait === undefined
        ? `Release ${releaseId}`
        : `The ${wait.stage} approval of release ${releaseId}`,
      async () => {
        await client.raiseEvent(releaseId, releaseEvents.cancel, cancel);
        // A canary in progress aborts at once (share 0 %) rather than at its next look.
        await raiseToCanary(client, releaseId, releaseEvents.cancel, cancel);
      },
    );
    context.log(`release ${releaseId}: cancel requested by ${cancel.by}: ${cancel.reason}`);
    return accepted(origin, releaseId, { releaseId, ...cancel, links: view.links });
  };
}
