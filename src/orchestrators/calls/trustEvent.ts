import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from './callActivity.js';

/** What the audit line of an ignored event says: its name and who it claims to come from. */
export interface ForgedEvent {
  event: string;
  claimedBy: string;
}

/** Writes the `forgedEventIgnored` audit line (best effort; never throws). */
export type ForgedEventAudit = (forged: ForgedEvent) => Generator<Task, void, unknown>;

/**
 * Whether an external event this orchestration received may decide anything: true only when
 * the `verifyEventSeal` activity confirms Slotpilot sealed it for this instance and event
 * name (a hook callback: echoed the callback token). Otherwise the event is audited through
 * `audit` and the caller ignores it, waiting on as before. The activity's answer is in the
 * history, so replay takes the same branch. A verification that fails counts as not trusted.
 */
export function* trustEvent(
  context: OrchestrationContext,
  eventName: string,
  payload: unknown,
  audit: ForgedEventAudit,
): Generator<Task, boolean, unknown> {
  let valid = false;
  try {
    const verdict = yield* callActivity(context, 'verifyEventSeal', {
      instanceId: context.df.instanceId,
      eventName,
      payload,
    });
    valid = verdict.valid;
  } catch {
    valid = false;
  }
  if (valid) return true;
  const by = (payload as { by?: unknown } | null | undefined)?.by;
  try {
    yield* audit({ event: eventName, claimedBy: typeof by === 'string' ? by : 'unknown' });
  } catch {
    // The audit line is best effort; the event is ignored either way.
  }
  return false;
}
