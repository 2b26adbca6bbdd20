import type { OrchestrationContext, Task } from 'durable-functions';

import type { RecordAuditInput } from '../../activities/contracts.js';
import { callActivity } from './callActivity.js';
import { type RetryPolicy, sideEffectRetry } from './RetryPolicy.js';

/**
 * Appends one audit event, best effort: a failed write never fails the step (the durable
 * history still records it). `name` is the registered name the caller's history holds:
 * `recordAudit` for releases, `monitorAudit` (the same activity) for monitors, rollbacks and
 * canaries.
 */
export function* auditBestEffort(
  context: OrchestrationContext,
  name: 'recordAudit' | 'monitorAudit',
  event: RecordAuditInput,
  policy: RetryPolicy = sideEffectRetry,
): Generator<Task, void, unknown> {
  try {
    yield* callActivity(context, name, event, policy);
  } catch {
    // Best effort: the audit trail misses this line; the durable history still has the step.
  }
}
