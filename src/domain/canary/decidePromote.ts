import { normalizeEmail } from '../identity/normalizeEmail.js';
import type { ReleasePlan } from '../release/contract.js';
import type { CanaryCustomStatus } from './contract.js';

/** Whether a promote may go ahead, and if not, why. */
export type PromoteDecision =
  | { kind: 'allowed'; fromStep: number; percent: number }
  | { kind: 'notApprover'; approvers: string[] }
  | { kind: 'noCanary'; detail: string }
  | { kind: 'alreadyPromoted'; step: number; by: string; at: string }
  /** The caller named step `named` (an index) while the canary is at step `step`. */
  | { kind: 'otherStep'; step: number; named: number };

/** What the promote policy reads of a canary: whether it runs, and its custom status. */
export interface PromoteFacts {
  running: boolean;
  status: CanaryCustomStatus | undefined;
}

/**
 * The promote policy (`POST /api/releases/{id}/promote`): only an approver of the canary's
 * stage may promote (a stage without approvers: an approver of any stage; none at all: any
 * caller); only a canary that runs and has a step in progress or waits for a promote; only
 * once per step (a step someone already promoted answers who did); and, when the caller names
 * the step it saw (`named`, an index), only that step, so a repeated promote never skips one.
 * Pure.
 *
 * @example decidePromote(plan, running status at step 0, 'eng-lead@contoso.com') → allowed from step 0
 * @example decidePromote(plan, running status at step 1, 'eng-lead@contoso.com', 0) → otherStep
 */
export function decidePromote(
  plan: ReleasePlan,
  canary: PromoteFacts,
  actor: string,
  named?: number,
): PromoteDecision {
  const stage = plan.stages.find((s) => s.canary !== undefined);
  const approvers = promoteApprovers(plan, stage);
  const who = normalizeEmail(actor);
  if (approvers.length > 0 && !approvers.some((a) => normalizeEmail(a) === who))
    return { kind: 'notApprover', approvers };
  const status = canary.status;
  if (stage === undefined) return { kind: 'noCanary', detail: 'the release has no canary stage' };
  if (!canary.running || status === undefined)
    return { kind: 'noCanary', detail: 'no canary is running for this release' };
  const view = status.canary;
  const step = view.waitingForPromotion?.step ?? view.step;
  const won = status.promotions[String(step)];
  if (won !== undefined) return { kind: 'alreadyPromoted', step, by: won.by, at: won.at };
  if (view.state !== 'judging' && view.state !== 'waitingForPromotion' && view.state !== 'routing')
    return { kind: 'noCanary', detail: `the canary is ${view.state}` };
  if (named !== undefined && named !== step) return { kind: 'otherStep', step, named };
  return { kind: 'allowed', fromStep: step, percent: view.steps[step]?.percent ?? view.percent };
}

/** Who may promote: the canary stage's approvers, else every stage's. */
function promoteApprovers(
  plan: ReleasePlan,
  stage: ReleasePlan['stages'][number] | undefined,
): string[] {
  const own = stage?.approval?.approvers ?? [];
  return own.length > 0 ? own : plan.stages.flatMap((s) => s.approval?.approvers ?? []);
}
