import type { ApprovalFacts } from '../../domain/identity/index.js';
import { decideApproval } from '../../domain/identity/index.js';
import { type ApprovalDecision, releaseEvents } from '../../domain/release/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { accepted } from '../http/accepted.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { approvalOutcomeError } from './approvalOutcomeError.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `POST /api/releases/{id}/approve {stage, comment?}` and `…/reject {stage, reason}`.
 * Order of checks: identity (401), body (400), release exists (404), then the approval
 * policy: unknown stage 400, ended 410, not waiting for that stage 409, not an approver /
 * self-approval / distinctFrom 403. Only an allowed decision raises the `approval` event; a
 * refused one changes nothing. The event names the wait it answers (`waitingSince`, from the
 * release's `waitingFor.since`), so it decides nothing at any later wait. 202 with the
 * decision and Slotpilot's status URL (see `accepted`).
 */
export function decisionHandler(deps: ApiDeps, action: 'approve' | 'reject'): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), {
      stage: { required: true, maxLength: 100 },
      comment: { required: false },
      reason: { required: action === 'reject' },
    });
    const stage = body.stage ?? '';
    const releaseId = request.params.id ?? '';
    const origin = requestOrigin(request.url);
    const { view, input } = await loadReleaseView(client, releaseId, origin);
    const facts: ApprovalFacts = { ...view, plan: input.plan };
    const outcome = decideApproval(facts, { action, stage, actor: principal.email });
    const refusal = approvalOutcomeError(outcome, { releaseId, stage, actor: principal.email });
    if (refusal !== undefined) throw refusal;
    const note = action === 'approve' ? body.comment : body.reason;
    const decision: ApprovalDecision = {
      stage,
      decision: action === 'approve' ? 'approved' : 'rejected',
      by: principal.email,
      at: new Date().toISOString(),
      ...(note === undefined ? {} : { comment: note }),
      ...(view.waitingFor === undefined ? {} : { waitingSince: view.waitingFor.since }),
    };
    await client.raiseEvent(releaseId, releaseEvents.approval, decision);
    context.log(`release ${releaseId}: ${stage} ${decision.decision} by ${decision.by}`);
    return accepted(origin, releaseId, { releaseId, ...decision, links: view.links });
  };
}
