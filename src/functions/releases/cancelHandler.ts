import type { ApprovalFacts } from '../../domain/identity/index.js';
import { decideCancel } from '../../domain/identity/index.js';
import { type CancelRequest, releaseEvents } from '../../domain/release/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { accepted } from '../http/accepted.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { cancelOutcomeError } from './approvalOutcomeError.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `POST /api/releases/{id}/cancel {reason}`: raises `cancel`. Who may cancel: anyone listed
 * as an approver of any stage of the release's pipeline (per the release's plan snapshot).
 * 401 without identity, 403 for anyone else, 404 unknown, 409 once production was swapped
 * or the release ended (a refused cancel changes nothing). 202 with Slotpilot's status URL.
 */
export function cancelHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), { reason: { required: true } });
    const releaseId = request.params.id ?? '';
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
      reason: body.reason ?? '',
      at: new Date().toISOString(),
    };
    await client.raiseEvent(releaseId, releaseEvents.cancel, cancel);
    context.log(`release ${releaseId}: cancel requested by ${cancel.by}: ${cancel.reason}`);
    return accepted(origin, releaseId, { releaseId, ...cancel, links: view.links });
  };
}
