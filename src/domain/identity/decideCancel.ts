import { terminalStatuses } from '../release/index.js';
import type { ApprovalFacts } from './ApprovalFacts.js';
import { normalizeEmail } from './normalizeEmail.js';

/** Whether a cancel may go ahead; refusals map to 403 (`notAllowed`) or 409 (the others). */
export type CancelOutcome =
  | { kind: 'allowed' }
  | { kind: 'notAllowed' }
  | { kind: 'ended'; status: ApprovalFacts['status'] }
  | { kind: 'swapped'; at: string };

/**
 * The cancel policy: anyone who approves some stage of the release's pipeline (per its plan
 * snapshot) may cancel it, until production was swapped or the release ended. After a swap
 * the way back is a rollback, not a cancel. Pure.
 */
export function decideCancel(facts: ApprovalFacts, actor: string): CancelOutcome {
  const who = normalizeEmail(actor);
  const mayCancel = facts.plan.stages.some((s) =>
    (s.approval?.approvers ?? []).some((a) => normalizeEmail(a) === who),
  );
  if (!mayCancel) return { kind: 'notAllowed' };
  if (terminalStatuses.has(facts.status)) return { kind: 'ended', status: facts.status };
  if (facts.swappedAt !== undefined) return { kind: 'swapped', at: facts.swappedAt };
  return { kind: 'allowed' };
}
