import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  ApprovalDecision,
  CancelRequest,
  PlannedStage,
  SupersedeNotice,
} from '../../domain/release/index.js';
import { releaseEvents } from '../../domain/release/index.js';

/** How a wait for approval ended. */
export type ApprovalOutcome =
  | { kind: 'approved'; by: string; at: string; comment?: string }
  | { kind: 'rejected'; by: string; reason: string }
  | { kind: 'expired' }
  | { kind: 'canceled'; by: string; reason: string }
  | { kind: 'superseded'; byReleaseId: string };

/**
 * Waits for the approval of `stage`, racing the `approval` event against a durable timer at
 * `expiresAt` and the `cancel` and `supersede` events. The losing timer is cancelled. A
 * decision for another stage is ignored and the wait goes on (same deadline).
 */
export function* awaitApproval(
  context: OrchestrationContext,
  stage: PlannedStage,
  expiresAt: Date,
): Generator<Task, ApprovalOutcome, unknown> {
  for (;;) {
    const approval = context.df.waitForExternalEvent(releaseEvents.approval);
    const cancel = context.df.waitForExternalEvent(releaseEvents.cancel);
    const supersede = context.df.waitForExternalEvent(releaseEvents.supersede);
    const timer = context.df.createTimer(expiresAt);
    const winner: unknown = yield context.df.Task.any([approval, cancel, supersede, timer]);
    if (winner === timer) return { kind: 'expired' };
    timer.cancel();
    if (winner === cancel) {
      const request = (cancel.result ?? {}) as Partial<CancelRequest>;
      return { kind: 'canceled', by: request.by ?? 'unknown', reason: request.reason ?? '' };
    }
    if (winner === supersede) {
      const notice = (supersede.result ?? {}) as Partial<SupersedeNotice>;
      return { kind: 'superseded', byReleaseId: notice.byReleaseId ?? 'a newer release' };
    }
    const decision = (approval.result ?? {}) as Partial<ApprovalDecision>;
    if (decision.stage !== stage.name) continue;
    const by = decision.by ?? 'unknown';
    if (decision.decision === 'rejected') {
      return { kind: 'rejected', by, reason: decision.comment ?? '' };
    }
    if (decision.decision === 'approved') {
      return {
        kind: 'approved',
        by,
        at: decision.at ?? context.df.currentUtcDateTime.toISOString(),
        ...(decision.comment === undefined ? {} : { comment: decision.comment }),
      };
    }
  }
}
