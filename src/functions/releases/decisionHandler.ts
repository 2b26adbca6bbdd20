import type { ApiDeps } from '../ApiDeps.js';
import { accepted } from '../http/accepted.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/readBody.js';
import { readReleaseId } from '../http/readRouteId.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { decideStage } from './decideStage.js';
import { requestOrigin } from './requestOrigin.js';

/**
 * `POST /api/releases/{id}/approve {stage, comment?}` and `…/reject {stage, reason}`.
 * Order of checks: identity (401), body (400), release exists (404), then the approval
 * policy: unknown stage 400, ended 410, not waiting for that stage 409, not an approver /
 * self-approval / distinctFrom 403. Only an allowed decision raises the `approval` event; a
 * refused one changes nothing. Decisions are compare-and-set ({@link decideOnce}): of
 * concurrent approvals, rejections and cancels of one wait, one answers 202 and the others
 * 409 naming the one that won (see {@link decideStage}, shared with Slack). The event names the wait it answers (`waitingSince`, from the
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
    const note = 'reason' in body ? body.reason : body.comment;
    const { decision, view } = await decideStage(deps, client, {
      releaseId,
      action,
      stage,
      actor: principal.email,
      origin,
      ...(note === undefined ? {} : { note }),
    });
    context.log(`release ${releaseId}: ${stage} ${decision.decision} by ${decision.by}`);
    return accepted(origin, releaseId, { releaseId, ...decision, links: view.links });
  };
}
