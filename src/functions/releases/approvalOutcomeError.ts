import { ValidationError } from '../../domain/errors.js';
import type { ApprovalOutcome, CancelOutcome } from '../../domain/identity/index.js';
import type { ApiError } from '../http/ApiError.js';
import { ConflictError, ForbiddenError, GoneError } from '../http/ApiError.js';

/** The error a refused approval or rejection answers with; undefined when it is allowed. */
export function approvalOutcomeError(
  outcome: ApprovalOutcome,
  context: { releaseId: string; stage: string; actor: string },
): ApiError | ValidationError | undefined {
  const { releaseId, stage, actor } = context;
  switch (outcome.kind) {
    case 'allowed':
      return undefined;
    case 'unknownStage':
      return new ValidationError(
        'stage',
        `one of ${outcome.stages.join(', ')}`,
        JSON.stringify(stage),
      );
    case 'ended':
      return new GoneError(`Release ${releaseId} has ended (${outcome.status}).`, {
        releaseStatus: outcome.status,
      });
    case 'notWaiting':
      return new ConflictError(
        outcome.waitingFor === undefined
          ? `Release ${releaseId} is not waiting for an approval.`
          : `Release ${releaseId} waits for an approval of ${outcome.waitingFor}, not ${stage}.`,
        outcome.waitingFor === undefined ? {} : { waitingFor: outcome.waitingFor },
      );
    case 'notAnApprover':
      return new ForbiddenError(`${actor} is not an approver of stage ${stage}.`, {
        reason: 'not-an-approver',
      });
    case 'selfApproval':
      return new ForbiddenError(`${actor} started release ${releaseId} and may not approve it.`, {
        reason: 'self-approval',
      });
    case 'sameApprover':
      return new ForbiddenError(
        `${actor} approved stage ${outcome.stage}; stage ${stage} needs a different approver.`,
        { reason: 'distinct-from', distinctFrom: outcome.stage },
      );
    case 'alreadyApproved':
      return new ForbiddenError(
        `${actor} approved stage ${stage} already; it needs ${outcome.required} distinct approvers (${outcome.approvals} so far).`,
        { reason: 'already-approved', approvals: outcome.approvals, required: outcome.required },
      );
  }
}

/** The error a refused cancel answers with; undefined when it is allowed. */
export function cancelOutcomeError(
  outcome: CancelOutcome,
  context: { releaseId: string; actor: string },
): ApiError | undefined {
  switch (outcome.kind) {
    case 'allowed':
      return undefined;
    case 'notAllowed':
      return new ForbiddenError(
        `${context.actor} approves no stage of this pipeline and may not cancel its releases.`,
        { reason: 'not-an-approver' },
      );
    case 'ended':
      return new ConflictError(`Release ${context.releaseId} has ended (${outcome.status}).`, {
        releaseStatus: outcome.status,
      });
    case 'swapped':
      return new ConflictError(
        `Release ${context.releaseId} swapped production at ${outcome.at}; roll it back instead.`,
      );
  }
}
