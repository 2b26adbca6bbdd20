import type { OrchestrationContext, Task } from 'durable-functions';

import type { NotifyInput } from '../../activities/contracts.js';
import { callActivity } from './callActivity.js';
import { nowIso } from './clock.js';
import { reportRetry } from './RetryPolicy.js';

/** What the release is, for messages and audit events. */
export interface ReleaseRef {
  releaseId: string;
  pipeline: string;
  image: string;
}

/** One step outcome to tell Slack and the audit trail about. */
export interface StepReport {
  /** Unique per release (dedupe key and audit event id suffix), e.g. `staging:deployed`. */
  key: string;
  stage?: string;
  outcome: string;
  severity: NotifyInput['severity'];
  text: string;
  actor?: string;
  detail?: Record<string, string | number | boolean>;
}

/**
 * Notifies Slack and appends an audit event for one step outcome. Both are best effort:
 * a failure to report never fails the release.
 */
export function* report(
  context: OrchestrationContext,
  release: ReleaseRef,
  step: StepReport,
): Generator<Task, void, unknown> {
  const stage = step.stage === undefined ? {} : { stage: step.stage };
  try {
    yield* callActivity(
      context,
      'recordAudit',
      {
        eventId: `${release.releaseId}:${step.key}`,
        releaseId: release.releaseId,
        pipeline: release.pipeline,
        at: nowIso(context),
        type: step.outcome,
        ...stage,
        ...(step.actor === undefined ? {} : { actor: step.actor }),
        ...(step.detail === undefined ? {} : { detail: step.detail }),
      },
      reportRetry,
    );
  } catch {
    // The audit trail is best effort here; the durable history still records the step.
  }
  try {
    yield* callActivity(
      context,
      'notify',
      {
        key: `${release.releaseId}:${step.key}`,
        releaseId: release.releaseId,
        pipeline: release.pipeline,
        ...stage,
        outcome: step.outcome,
        severity: step.severity,
        image: release.image,
        text: step.text,
      },
      reportRetry,
    );
  } catch {
    // A Slack outage must not fail a release.
  }
}
