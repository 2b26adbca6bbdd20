import type { ApprovalFacts } from '../../domain/identity/index.js';
import { decideApproval } from '../../domain/identity/index.js';
import { type ApprovalDecision, releaseEvents } from '../../domain/release/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { accepted } from '../http/accepted.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { readReleaseId } from '../http/readRouteId.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { approvalOutcomeError } from './approvalOutcomeError.js';
import { decideOnce, refuseIfDecided } from './decideOnce.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `POST /api/releases/{id}/approve {stage, comment?}` and `…/reject {stage, reason}`.
 * Order of checks: identity (401), body (400), release exists (404), then the approval
 * policy: unknown stage 400, ended 410, not waiting for that stage 409, not an approver /
 * self-approval / distinctFrom 403. Only an allowed decision raises the `approval` event; a
 * refused one changes nothing. Decisions are compare-and-set ({@link decideOnce}): of
 * concurrent approvals, rejections and cancels of one wait, one answers 202 and the others
 * 409 naming the one that won (also once the release moved on past that wait). The event names the wait it answers (`waitingSince`, from the
 * release's `waitingFor.since`), so it decides nothing at any later wait. 202 with the
 * decision and Slotpilot's status URL (see `accepted`).
 */
export function decisionHandler(deps: ApiDeps, action: 'approve' | 'reject'): ClientHttpHandler {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body =
      action === 'approve'
        ? await readBody(() => request.text(), requestBodies.approve)
        : await readBody(() => request.text(), requestBodies.reject);
    const stage = body.stage;
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const { view, input } = await loadReleaseView(client, releaseId, origin);
    const facts: ApprovalFacts = { ...view, plan: input.plan };
    const outcome = decideApproval(facts, { action, stage, actor: principal.email });
    // A stage waits for approval once per run of the release (`createdAt`): its decision slot.
    const slot = [releaseId, view.createdAt, 'approval', stage];
    const subject = `The ${stage} approval of release ${releaseId}`;
    if (outcome.kind === 'notWaiting' || outcome.kind === 'ended') {
      await refuseIfDecided(deps.claims, slot, subject);
    }
    const refusal = approvalOutcomeError(outcome, { releaseId, stage, actor: principal.email });
    if (refusal !== undefined) throw refusal;
    const note = 'reason' in body ? body.reason : body.comment;
    const decision: ApprovalDecision = {
      stage,
      decision: action === 'approve' ? 'approved' : 'rejected',
      by: principal.email,
      at: new Date().toISOString(),
      ...(note === undefined ? {} : { comment: note }),
      ...(view.waitingFor === undefined ? {} : { waitingSince: view.waitingFor.since }),
    };
    await decideOnce(
      deps.claims,
      slot,
      { decision: decision.decision, by: decision.by, at: decision.at },
      subject,
      () => client.raiseEvent(releaseId, releaseEvents.approval, decision),
    );
    context.log(`release ${releaseId}: ${stage} ${decision.decision} by ${decision.by}`);
    return accepted(origin, releaseId, { releaseId, ...decision, links: view.links });
  };
}
