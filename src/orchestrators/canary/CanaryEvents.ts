import type { OrchestrationContext, Task } from 'durable-functions';

import { canaryEvents, type PromoteRequest } from '../../domain/canary/index.js';
import {
  type CancelRequest,
  releaseEvents,
  type RollbackRequest,
} from '../../domain/release/index.js';
import { readCancel } from '../calls/cancelChecks.js';
import { nowIso } from '../calls/clock.js';
import { EventInbox } from '../calls/EventInbox.js';
import { requestedRollback, type RollbackCause } from '../monitor/rollBack.js';

/**
 * The events a running canary answers: `rollback` (manual or alert) and `cancel` abort it,
 * `promote` ends the current step early. Kept in inboxes from the start so that an event that
 * arrives while an activity runs is seen at the next look, never lost between two waits.
 */
export class CanaryEvents {
  private readonly rollbacks: EventInbox;
  private readonly cancels: EventInbox;
  private readonly promotes: EventInbox;

  constructor(private readonly context: OrchestrationContext) {
    this.rollbacks = new EventInbox(context, releaseEvents.rollback);
    this.cancels = new EventInbox(context, releaseEvents.cancel);
    this.promotes = new EventInbox(context, canaryEvents.promote);
  }

  /** Fresh waits for every event, to race once against a timer. */
  waits(): Task[] {
    return [this.rollbacks.next(), this.cancels.next(), this.promotes.next()];
  }

  /** The abort a rollback or cancel that arrived asks for, if any (the first one wins). */
  takeAbort(): RollbackCause | undefined {
    const receivedAt = nowIso(this.context);
    const rollback = this.rollbacks.take()[0] as RollbackRequest | undefined;
    if (rollback !== undefined) return requestedRollback(rollback, receivedAt);
    const payload = this.cancels.take()[0];
    if (payload === undefined) return undefined;
    return cancelCause(readCancel(payload), receivedAt);
  }

  /**
   * The promote for step `step` that arrived first, if any; promotes naming another step (a
   * stale view, a lost race) are dropped (compare-and-set).
   */
  takePromote(step: number): PromoteRequest | undefined {
    const promotes = this.promotes.take() as PromoteRequest[];
    return promotes.find((p) => p.fromStep === step);
  }
}

/** A cancel during a canary aborts it like a manual rollback (evidence `source: cancel`). */
export function cancelCause(cancel: CancelRequest, receivedAt: string): RollbackCause {
  return {
    trigger: 'manual',
    reason: `canceled by ${cancel.by}${cancel.reason === '' ? '' : `: ${cancel.reason}`}`,
    evidence: { source: 'cancel', requestedBy: cancel.by, requestedAt: cancel.at },
    detectedAt: receivedAt,
    actor: cancel.by,
  };
}
