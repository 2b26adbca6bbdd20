import type { DurableClient } from 'durable-functions';

import type { ApprovalFacts } from '../../domain/identity/index.js';
import { decideApproval } from '../../domain/identity/index.js';
import { type ApprovalDecision, releaseEvents } from '../../domain/release/index.js';
import type { ReleaseView } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { loadReleaseView } from '../durable/loadReleaseView.js';
import { GoneError } from '../http/ApiError.js';
import { approvalOutcomeError } from './approvalOutcomeError.js';
import { decideOnce, readDecided, refuseIfDecided } from './decideOnce.js';

/** An approval or rejection of the stage a release waits for, by an authenticated person. */
export interface StageDecisionRequest {
  releaseId: string;
  action: 'approve' | 'reject';
  stage: string;
  /** The caller's email. */
  actor: string;
  /** The approval's comment or the rejection's reason. */
  note?: string;
  /** Origin for the view's links. */
  origin: string;
}

/**
 * The approval policy and its compare-and-set, shared by the HTTP API and Slack: loads the
 * release (404), applies `decideApproval` (400 unknown stage, 410 ended, 409 not waiting,
 * 403 not an approver / self-approval / distinctFrom / already approved), claims the
 * decision (409 naming the one that won) and raises the `approval` event. A refused
 * decision changes nothing. The last approval a stage needs, and every rejection, claim the
 * wait itself (so they exclude each other and a cancel); an approval of a quorum that still
 * needs more claims its place in the count, so two people approving at once get one 202 and
 * one 409, and a double click counts once.
 */
export async function decideStage(
  deps: Pick<ApiDeps, 'claims'>,
  client: DurableClient,
  request: StageDecisionRequest,
): Promise<{ decision: ApprovalDecision; view: ReleaseView }> {
  const { releaseId, action, stage, actor, note } = request;
  const { view, input } = await loadReleaseView(client, releaseId, request.origin);
  const facts: ApprovalFacts = { ...view, plan: input.plan };
  const outcome = decideApproval(facts, { action, stage, actor });
  // A stage waits for approval once per run of the release (`createdAt`): its decision slot.
  const slot = [releaseId, view.createdAt, 'approval', stage];
  const subject = `The ${stage} approval of release ${releaseId}`;
  if (outcome.kind === 'notWaiting') await refuseIfDecided(deps.claims, slot, subject);
  if (outcome.kind === 'ended') {
    // Gone (DESIGN §4: 410 ended), naming the decision that won this stage when one did.
    const won = await readDecided(deps.claims, slot);
    throw new GoneError(
      `Release ${releaseId} has ended (${outcome.status})` +
        (won === undefined ? '.' : `; ${subject} was decided: ${won.decision} by ${won.by}.`),
      { releaseStatus: outcome.status, ...(won === undefined ? {} : { decided: won }) },
    );
  }
  const refusal = approvalOutcomeError(outcome, { releaseId, stage, actor });
  if (refusal !== undefined) throw refusal;
  const decision: ApprovalDecision = {
    stage,
    decision: action === 'approve' ? 'approved' : 'rejected',
    by: actor,
    at: new Date().toISOString(),
    ...(note === undefined ? {} : { comment: note }),
    ...(view.waitingFor === undefined ? {} : { waitingSince: view.waitingFor.since }),
  };
  const given = view.waitingFor?.approvals?.length ?? 0;
  const required = input.plan.stages.find((s) => s.name === stage)?.approval?.required ?? 1;
  const partial = action === 'approve' && given + 1 < required;
  await decideOnce(
    deps.claims,
    partial ? [...slot, `approval-${given + 1}`] : slot,
    { decision: decision.decision, by: decision.by, at: decision.at },
    partial ? `Approval ${given + 1} of ${required} of ${stage} of release ${releaseId}` : subject,
    () => client.raiseEvent(releaseId, releaseEvents.approval, decision),
  );
  return { decision, view };
}
