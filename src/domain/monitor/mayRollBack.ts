import { normalizeEmail } from '../identity/normalizeEmail.js';
import type { ReleasePlan } from '../release/contract.js';

/**
 * The manual rollback policy: anyone who approves some stage of the release's pipeline (per
 * its plan snapshot) may roll it back. A plan without any approver lets every authenticated
 * caller do it (nobody else could). Pure.
 */
export function mayRollBack(plan: ReleasePlan, actor: string): boolean {
  const approvers = plan.stages.flatMap((s) => s.approval?.approvers ?? []);
  if (approvers.length === 0) return true;
  const who = normalizeEmail(actor);
  return approvers.some((a) => normalizeEmail(a) === who);
}
