import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  ApprovalDecision,
  ApprovalRecord,
  CancelRequest,
  PlannedStage,
  SupersedeNotice,
} from '../../domain/release/index.js';
import { releaseEvents } from '../../domain/release/index.js';
import { nowIso } from '../calls/clock.js';
import { type EventWaits, isFlush } from '../calls/EventWaits.js';

/** How a wait for approval ended. */
export type ApprovalWaitEnd =
  | { kind: 'approved'; by: string; at: string; comment?: string; approvals: ApprovalRecord[] }
  | { kind: 'rejected'; by: string; reason: string }
  | { kind: 'expired' }
  | { kind: 'canceled'; by: string; reason: string }
  | { kind: 'superseded'; byReleaseId: string };

const names = [releaseEvents.approval, releaseEvents.cancel, releaseEvents.supersede];

/**
 * Waits for the approval of `stage`, racing the `approval` event against a durable timer at
 * `expiresAt` and the `cancel` and `supersede` events. The losing timer is cancelled. A
 * decision for another stage, or one whose `waitingSince` is not `since` (the start of this
 * wait: it was meant for an earlier one), is ignored and the wait goes on (same deadline).
 * A stage with a quorum (`approval.required` > 1) needs that many approvals by distinct
 * people: each one before the last is passed to `onApproval` (the wait goes on, same
 * deadline); a second approval by the same person is ignored; any rejection ends the wait.
 */
export function* awaitApproval(
  context: OrchestrationContext,
  stage: PlannedStage,
  expiresAt: Date,
  events: EventWaits,
  since: string,
  onApproval: (approval: ApprovalRecord) => void = () => undefined,
): Generator<Task, ApprovalWaitEnd, unknown> {
  const required = stage.approval?.required ?? 1;
  const approvals: ApprovalRecord[] = [];
  /** The outcome once `outcome` is counted; undefined to keep waiting. */
  const count = (outcome: ApprovalWaitEnd | undefined): ApprovalWaitEnd | undefined => {
    if (outcome?.kind !== 'approved') return outcome;
    const who = outcome.by.trim().toLowerCase();
    if (approvals.some((a) => a.by.trim().toLowerCase() === who)) return undefined;
    const record: ApprovalRecord = {
      by: outcome.by,
      at: outcome.at,
      ...(outcome.comment === undefined ? {} : { comment: outcome.comment }),
    };
    approvals.push(record);
    if (approvals.length >= required) return { ...outcome, approvals: [...approvals] };
    onApproval(record);
    return undefined;
  };
  for (;;) {
    const opened = yield* events.open(names);
    if (opened.kind === 'early') {
      const outcome = count(decide(context, stage, since, opened.name, opened.payload));
      if (outcome !== undefined) return outcome;
      continue;
    }
    const timer = context.df.createTimer(expiresAt);
    const waits = [...opened.waits.values()];
    const winner: unknown = yield context.df.Task.any([...waits, timer]);
    events.settle(opened.waits, winner);
    if (winner === timer) return { kind: 'expired' };
    timer.cancel();
    const name = [...opened.waits].find(([, task]) => task === winner)?.[0] ?? '';
    const outcome = count(decide(context, stage, since, name, (winner as Task).result));
    if (outcome !== undefined) return outcome;
  }
}

/** What an event means for the wait; undefined to keep waiting. */
function decide(
  context: OrchestrationContext,
  stage: PlannedStage,
  since: string,
  name: string,
  payload: unknown,
): ApprovalWaitEnd | undefined {
  if (isFlush(payload)) return undefined;
  if (name === releaseEvents.cancel) {
    const request = (payload ?? {}) as Partial<CancelRequest>;
    return { kind: 'canceled', by: request.by ?? 'unknown', reason: request.reason ?? '' };
  }
  if (name === releaseEvents.supersede) {
    const notice = (payload ?? {}) as Partial<SupersedeNotice>;
    return { kind: 'superseded', byReleaseId: notice.byReleaseId ?? 'a newer release' };
  }
  const decision = (payload ?? {}) as Partial<ApprovalDecision>;
  if (decision.stage !== stage.name || decision.waitingSince !== since) return undefined;
  const by = decision.by ?? 'unknown';
  if (decision.decision === 'rejected')
    return { kind: 'rejected', by, reason: decision.comment ?? '' };
  if (decision.decision !== 'approved') return undefined;
  return {
    kind: 'approved',
    approvals: [],
    by,
    at: decision.at ?? nowIso(context),
    ...(decision.comment === undefined ? {} : { comment: decision.comment }),
  };
}
