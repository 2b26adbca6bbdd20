/**
 * How large a pipeline may be. The release's custom status carries every stage, its checks
 * and hooks, and who approved it (the approval policy reads them back), and Durable fails an
 * orchestration whose custom status exceeds 16 KB of UTF-16 JSON: these bounds keep the
 * worst case within that budget with the approvers' addresses intact.
 */
export const configLimits = {
  /** Stages of one pipeline. */
  stages: 10,
  /** Smoke checks of one stage. */
  checksPerStage: 5,
  /** Hooks of one stage. */
  hooksPerStage: 10,
  /** Approvers listed by one stage. */
  approversPerStage: 10,
  /** Approvals one release can need: `approval.required` summed over its stages. */
  approvalsPerPipeline: 10,
  /** Characters of an approver's email address. */
  approverEmailChars: 128,
} as const;
