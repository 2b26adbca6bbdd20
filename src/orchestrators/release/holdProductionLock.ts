import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  PlannedStage,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseStatusEvent,
} from '../../domain/release/index.js';
import { stageInstanceId } from '../../domain/release/index.js';
import { nowIso } from '../calls/clock.js';
import { takeProductionLock } from '../production/acquireLock.js';

/**
 * Takes the site's production lock for the stage's `productionRelease` instance before
 * starting it, so the release's own custom status says `waitingForLock` while another
 * release holds it. The sub-orchestration takes the same lock again (idempotent for the same
 * holder) and releases it in every outcome. Throws when the lock keeps refusing to start.
 */
export function* holdProductionLock(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: (event: ReleaseStatusEvent) => ReleaseCustomStatus,
): Generator<Task, void, unknown> {
  const site = stage.target.site;
  const holder = stageInstanceId(input.releaseId, stage.name);
  yield* takeProductionLock(context, { site, holder, releaseId: input.releaseId }, (heldBy) => {
    apply({ type: 'waitingForLock', stage: stage.name, at: nowIso(context), site, heldBy });
  });
}
