import { normalizeEmail } from '../identity/normalizeEmail.js';
import type { ReleasePlan } from '../release/contract.js';
import type { CanaryCustomStatus } from './contract.js';

/** Whether a promote may go ahead, and if not, why. */
export type PromoteDecision =
  | { kind: 'allowed'; fromStep: number; percent: number }
  | { kind: 'notApprover'; approvers: string[] }
  | { kind: 'noCanary'; detail: string }
  | { kind: 'alreadyPromoted'; step: number; by: string; at: string };

/**
 * The promote policy (`POST /api/releases/{id}/promote`): only an approver of the canary's
 * stage may promote (a stage without approvers: an approver of any stage; none at all: any
 * caller); only a canary that runs and has a step in progress or waits for a promote; and only
 * once per step (a step someone already promoted answers who did). Pure.
 *
 * @example decidePromote(plan, running status at step 0, 'eng-lead@contoso.com') → allowed from step 0
 */
export function decidePromote(
  plan: ReleasePlan,
  canary: { running: boolean; status: CanaryCustomStatus | undefined },
  actor: string,
): PromoteDecision {
  const stage = plan.stages.find((s) => s.canary !== undefined);
  const own = stage?.approval?.approvers ?? [];
  const approvers = own.length > 0 ? own : plan.stages.flatMap((s) => s.approval?.approvers ?? []);
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
  return { kind: 'allowed', fromStep: step, percent: view.steps[step]?.percent ?? view.percent };
}
