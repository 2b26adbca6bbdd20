import { terminalStatuses } from '../release/index.js';
import type { ApprovalFacts } from './ApprovalFacts.js';
import { normalizeEmail } from './normalizeEmail.js';

/** An approval or rejection someone asks for. */
export interface ApprovalRequest {
  action: 'approve' | 'reject';
  stage: string;
  /** The caller's email (already authenticated). */
  actor: string;
}

/**
 * Whether an approval/rejection may go ahead. Every refusal says why, so the API can answer
 * 400 (`unknownStage`), 410 (`ended`), 409 (`notWaiting`) or 403 (the rest).
 */
export type ApprovalOutcome =
  | { kind: 'allowed' }
  | { kind: 'unknownStage'; stages: string[] }
  | { kind: 'ended'; status: ApprovalFacts['status'] }
  | { kind: 'notWaiting'; waitingFor?: string }
  | { kind: 'notAnApprover'; approvers: string[] }
  | { kind: 'selfApproval' }
  | { kind: 'sameApprover'; stage: string };

/**
 * The approval policy. Checked in order: the stage exists in the release's plan; the release
 * has not ended; it waits for an approval of exactly that stage; the caller is one of that
 * stage's approvers. Approving (not rejecting) also requires that the caller did not start
 * the release and did not approve any stage listed in `distinctFrom`. Rejecting only stops a
 * release, so the last two rules do not apply to it. Pure.
 */
export function decideApproval(facts: ApprovalFacts, request: ApprovalRequest): ApprovalOutcome {
  const planned = facts.plan.stages.find((s) => s.name === request.stage);
  if (planned === undefined) {
    return { kind: 'unknownStage', stages: facts.plan.stages.map((s) => s.name) };
  }
  if (terminalStatuses.has(facts.status)) return { kind: 'ended', status: facts.status };
  if (facts.status !== 'WaitingForApproval' || facts.waitingFor?.stage !== request.stage) {
    return facts.waitingFor === undefined
      ? { kind: 'notWaiting' }
      : { kind: 'notWaiting', waitingFor: facts.waitingFor.stage };
  }
  const actor = normalizeEmail(request.actor);
  const approvers = planned.approval?.approvers ?? [];
  if (!approvers.some((a) => normalizeEmail(a) === actor)) {
    return { kind: 'notAnApprover', approvers };
  }
  if (request.action === 'reject') return { kind: 'allowed' };
  if (normalizeEmail(facts.requestedBy) === actor) return { kind: 'selfApproval' };
  for (const other of planned.approval?.distinctFrom ?? []) {
    const by = facts.stages.find((s) => s.name === other)?.approval?.by;
    if (by !== undefined && normalizeEmail(by) === actor)
      return { kind: 'sameApprover', stage: other };
  }
  return { kind: 'allowed' };
}
