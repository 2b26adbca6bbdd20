import type { OrchestrationContext, Task } from 'durable-functions';

import { canaryEvents, type PromoteRequest } from '../../domain/canary/index.js';
import {
  type CancelRequest,
  releaseEvents,
  type RollbackRequest,
} from '../../domain/release/index.js';
import { readCancel } from '../calls/cancelChecks.js';
import { nowIso } from '../calls/clock.js';
import { EventWaits } from '../calls/EventWaits.js';
import { requestedRollback, type RollbackCause } from '../monitor/rollBack.js';

/**
 * The events a running canary answers: `rollback` (manual or alert) and `cancel` abort it,
 * `promote` ends the current step early. Every wait is kept until an event reaches it, so an
 * event that arrives while an activity runs is seen at the next look, never lost between two
 * waits (the canary wakes at every sample, so it uses the waits that clear at the next wake).
 */
export class CanaryEvents {
  private readonly events: EventWaits;

  constructor(private readonly context: OrchestrationContext) {
    this.events = new EventWaits(context);
  }

  /** Fresh waits for every event, to race once against a timer. */
  waits(): Task[] {
    return [releaseEvents.rollback, releaseEvents.cancel, canaryEvents.promote].map((name) =>
      this.events.wait(name),
    );
  }

  /** The abort a rollback or cancel that arrived asks for, if any (the first one wins). */
  takeAbort(): RollbackCause | undefined {
    const receivedAt = nowIso(this.context);
    const rollback = this.events.take(releaseEvents.rollback)[0] as RollbackRequest | undefined;
    if (rollback !== undefined) return requestedRollback(rollback, receivedAt);
    const payload = this.events.take(releaseEvents.cancel)[0];
    if (payload === undefined) return undefined;
    return cancelCause(readCancel(payload), receivedAt);
  }

  /**
   * The promote for step `step` that arrived first, if any; promotes naming another step (a
   * stale view, a lost race) are dropped (compare-and-set).
   */
  takePromote(step: number): PromoteRequest | undefined {
    const promotes = this.events.take(canaryEvents.promote) as PromoteRequest[];
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
