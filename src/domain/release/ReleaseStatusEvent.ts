import type { ApprovalRecord, ReleaseStatus } from './contract.js';
import type { StageResult } from './stageContract.js';

/**
 * Everything that changes a release's custom status. `releasePipeline` folds these through
 * {@link reduceReleaseStatus}; `at` is always the orchestration clock (ISO).
 */
export type ReleaseStatusEvent =
  | { type: 'stageStarted'; stage: string; at: string; step: string }
  | { type: 'waitingForLock'; stage: string; at: string; site: string; heldBy: string }
  | { type: 'cancelRequested'; at: string; by: string; reason: string }
  | {
      type: 'waitingForApproval';
      stage: string;
      at: string;
      expiresAt: string;
      approvers: string[];
      /** Distinct approvals needed (default 1). */
      required?: number;
    }
  /** One approval of a quorum that still needs more; the wait goes on. */
  | { type: 'approvalRecorded'; stage: string; approval: ApprovalRecord }
  /** The stage's approvals are complete (`approvals`: all of them, in order). */
  | {
      type: 'approved';
      stage: string;
      at: string;
      by: string;
      comment?: string;
      approvals?: ApprovalRecord[];
    }
  | { type: 'stageFinished'; result: StageResult; at: string }
  | {
      type: 'finished';
      status: Exclude<ReleaseStatus, 'Running' | 'WaitingForApproval'>;
      at: string;
      step: string;
    };
