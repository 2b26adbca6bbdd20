import type { ReleaseStatus } from '../../domain/release/index.js';
import type { ApprovalWaitEnd } from './awaitApproval.js';

/** The release status and reason for an approval wait that did not end in approval. */
export function approvalEnding(
  stage: string,
  outcome: Exclude<ApprovalWaitEnd, { kind: 'approved' }>,
): { status: Exclude<ReleaseStatus, 'Running' | 'WaitingForApproval'>; reason: string } {
  switch (outcome.kind) {
    case 'rejected':
      return {
        status: 'Rejected',
        reason: `${stage} rejected by ${outcome.by}${outcome.reason === '' ? '' : `: ${outcome.reason}`}`,
      };
    case 'expired':
      return { status: 'Expired', reason: `approval of ${stage} expired` };
    case 'canceled':
      return {
        status: 'Canceled',
        reason: `canceled by ${outcome.by}${outcome.reason === '' ? '' : `: ${outcome.reason}`}`,
      };
    case 'superseded':
      return { status: 'Superseded', reason: `superseded by ${outcome.byReleaseId}` };
  }
}
