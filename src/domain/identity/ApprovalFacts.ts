import type { ReleasePlan, ReleaseStatus } from '../release/index.js';

/** What the approval and cancel policies know about a release (a subset of its view + plan). */
export interface ApprovalFacts {
  status: ReleaseStatus;
  /** Who started it (the pusher's ACR actor or an email); may not approve it. */
  requestedBy: string;
  /** The plan snapshot from the release input: approvers and distinctFrom per stage. */
  plan: ReleasePlan;
  /** The stage it waits on for an approval right now, if any. */
  waitingFor?: { stage: string };
  /** Approvals given so far, by stage. */
  stages: readonly { name: string; approval?: { by: string } }[];
  /** Set once production was swapped; a release can no longer be canceled then. */
  swappedAt?: string;
}
