import type { PromoteDecision } from '../../domain/canary/index.js';
import { type ApiError, ConflictError, ForbiddenError } from '../http/ApiError.js';

/** A promote the policy refused. */
export type PromoteRefusal = Exclude<PromoteDecision, { kind: 'allowed' }>;

/**
 * The error a refused promote answers with. Its `detail` is THE wording of a promote refusal:
 * the CLI and the console print it as it is (`Step 1 was already promoted; now at step 2.`).
 * A promote that lost the compare-and-set to a concurrent one gets the same `alreadyPromoted`
 * answer, members included.
 *
 * @example promoteRefusal({kind: 'otherStep', step: 1, named: 0}, ctx).message
 *   → 'Step 1 was already promoted; now at step 2.'
 */
export function promoteRefusal(
  refusal: PromoteRefusal,
  context: { releaseId: string; actor: string },
): ApiError {
  const { releaseId, actor } = context;
  switch (refusal.kind) {
    case 'notApprover':
      return new ForbiddenError(`${actor} may not promote release ${releaseId}.`, {
        approvers: refusal.approvers,
      });
    case 'noCanary':
      return new ConflictError(`Nothing to promote: ${refusal.detail}.`, { releaseId });
    case 'alreadyPromoted':
      return new ConflictError(promotedAlready(refusal.step, refusal.by), {
        releaseId,
        step: refusal.step,
        promotedBy: refusal.by,
        promotedAt: refusal.at,
      });
    case 'otherStep':
      return new ConflictError(otherStep(refusal.step, refusal.named), {
        releaseId,
        step: refusal.step,
        expectedStep: refusal.named,
      });
  }
}

/** `Step 1 was already promoted by eng-lead@contoso.com.` (`step` is an index). */
export function promotedAlready(step: number, by: string): string {
  return `Step ${step + 1} was already promoted by ${by}.`;
}

function otherStep(step: number, named: number): string {
  return named < step
    ? `Step ${named + 1} was already promoted; now at step ${step + 1}.`
    : `Step ${named + 1} is not reached yet; now at step ${step + 1}.`;
}
