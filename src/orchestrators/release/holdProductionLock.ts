import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  PlannedStage,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseStatusEvent,
} from '../../domain/release/index.js';
import { stageInstanceId } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { inMs, nowIso } from '../calls/clock.js';
import { lockPollIntervalMs } from '../production/acquireLock.js';

/**
 * Takes the site's production lock for the stage's `productionRelease` instance before
 * starting it, so the release's own custom status says `waitingForLock` while another
 * release holds it. The sub-orchestration takes the same lock again (idempotent for the same
 * holder) and releases it in every outcome.
 */
export function* holdProductionLock(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: (event: ReleaseStatusEvent) => ReleaseCustomStatus,
): Generator<Task, void, unknown> {
  const site = stage.target.site;
  for (;;) {
    const attempt = yield* callActivity(context, 'tryAcquireLock', {
      site,
      holder: stageInstanceId(input.releaseId, stage.name),
      releaseId: input.releaseId,
    });
    if (attempt.acquired) return;
    apply({
      type: 'waitingForLock',
      stage: stage.name,
      at: nowIso(context),
      site,
      heldBy: attempt.heldBy,
    });
    yield context.df.createTimer(inMs(context, lockPollIntervalMs));
  }
}
