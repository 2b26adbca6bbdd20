import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  ApprovalDecision,
  CancelRequest,
  PlannedStage,
  SupersedeNotice,
} from '../../domain/release/index.js';
import { releaseEvents } from '../../domain/release/index.js';
import { type ForgedEventAudit, trustEvent } from '../calls/trustEvent.js';
import type { EventWaits } from './EventWaits.js';
import { isFlush } from './EventWaits.js';

/** How a wait for approval ended. */
export type ApprovalOutcome =
  | { kind: 'approved'; by: string; at: string; comment?: string }
  | { kind: 'rejected'; by: string; reason: string }
  | { kind: 'expired' }
  | { kind: 'canceled'; by: string; reason: string }
  | { kind: 'superseded'; byReleaseId: string };

const names = [releaseEvents.approval, releaseEvents.cancel, releaseEvents.supersede];

/** The wait being answered: when it started and how ignored events are audited. */
export interface ApprovalWait {
  /** ISO start of this wait (`waitingFor.since`); a decision must name it (`waitingSince`). */
  since: string;
  /** Audits an event Slotpilot's API did not seal for this release. */
  forged: ForgedEventAudit;
  /** Audits a sealed decision that names another wait (replayed from history). */
  stale: ForgedEventAudit;
}

/**
 * Waits for the approval of `stage`, racing the `approval` event against a durable timer at
 * `expiresAt` and the `cancel` and `supersede` events. The losing timer is cancelled. A
 * decision for another stage is ignored and the wait goes on (same deadline), and so is any
 * event Slotpilot's API did not seal for this release (audited through `wait.forged`) and any
 * sealed decision whose `waitingSince` is not `wait.since` (audited through `wait.stale`).
 */
export function* awaitApproval(
  context: OrchestrationContext,
  stage: PlannedStage,
  expiresAt: Date,
  events: EventWaits,
  wait: ApprovalWait,
): Generator<Task, ApprovalOutcome, unknown> {
  for (;;) {
    const opened = yield* events.open(names);
    if (opened.kind === 'early') {
      const outcome = yield* judge(context, stage, wait, opened.name, opened.payload);
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
    const payload: unknown = (winner as Task).result;
    if (isFlush(payload)) continue;
    const outcome = yield* judge(context, stage, wait, name, payload);
    if (outcome !== undefined) return outcome;
  }
}

/** A received event's outcome once its seal and (for a decision) its wait are checked. */
function* judge(
  context: OrchestrationContext,
  stage: PlannedStage,
  wait: ApprovalWait,
  name: string,
  payload: unknown,
): Generator<Task, ApprovalOutcome | undefined, unknown> {
  if (!(yield* trustEvent(context, name, payload, wait.forged))) return undefined;
  if (name === releaseEvents.approval && !isFlush(payload)) {
    const decision = (payload ?? {}) as Partial<ApprovalDecision>;
    if (decision.waitingSince !== wait.since) {
      try {
        yield* wait.stale({ event: name, claimedBy: decision.by ?? 'unknown' });
      } catch {
        // Best effort: the stale decision is ignored whether or not the audit line was written.
      }
      return undefined;
    }
  }
  return decide(context, stage, name, payload);
}

/** What an event means for the wait; undefined to keep waiting. */
function decide(
  context: OrchestrationContext,
  stage: PlannedStage,
  name: string,
  payload: unknown,
): ApprovalOutcome | undefined {
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
  if (decision.stage !== stage.name) return undefined;
  const by = decision.by ?? 'unknown';
  if (decision.decision === 'rejected')
    return { kind: 'rejected', by, reason: decision.comment ?? '' };
  if (decision.decision !== 'approved') return undefined;
  return {
    kind: 'approved',
    by,
    at: decision.at ?? context.df.currentUtcDateTime.toISOString(),
    ...(decision.comment === undefined ? {} : { comment: decision.comment }),
  };
}
