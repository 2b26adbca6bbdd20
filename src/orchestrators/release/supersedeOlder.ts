import type { OrchestrationContext, Task } from 'durable-functions';

import type { SupersedeOlderOutput } from '../../activities/contracts.js';
import { type ReleaseInput, releaseOrder } from '../../domain/release/index.js';
import { ActivityError } from '../calls/ActivityError.js';
import { callActivity } from '../calls/callActivity.js';
import { nowIso } from '../calls/clock.js';
import { untilDeadline } from '../calls/RetryPolicy.js';

/** How long the step retries a durable store it cannot read before the release goes on. */
const supersedeBudgetMs = 10 * 60_000;

/** What the supersede step did; `error` when it could not run (the release goes on). */
export type SupersedeStep = SupersedeOlderOutput & { error?: string };

/**
 * A release's first step, part of its durable work so that no crash can lose it: supersede
 * the older releases of the pipeline that may still wait for an approval, or learn that a
 * newer release already runs (this one then yields). Its order is the push time, so a late or
 * redelivered event of an older push never supersedes a newer release. A store that stays
 * unreadable for ten minutes is reported, not fatal: the release goes on.
 */
export function* supersedeOlder(
  context: OrchestrationContext,
  input: ReleaseInput,
): Generator<Task, SupersedeStep, unknown> {
  try {
    return yield* callActivity(
      context,
      'supersedeOlderReleases',
      {
        releaseId: input.releaseId,
        pipeline: input.pipeline,
        order: releaseOrder(input, nowIso(context)),
        at: nowIso(context),
      },
      untilDeadline(supersedeBudgetMs),
    );
  } catch (error) {
    if (!(error instanceof ActivityError)) throw error;
    return { superseded: [], error: error.message };
  }
}
