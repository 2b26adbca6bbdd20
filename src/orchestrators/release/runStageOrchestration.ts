import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  CancelRequest,
  PlannedStage,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseStatusEvent,
  StageInput,
  StageResult,
} from '../../domain/release/index.js';
import { orchestratorNames, releaseEvents, stageInstanceId } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { cancelReason, readCancel } from '../calls/cancelChecks.js';
import { nowIso } from '../calls/clock.js';
import type { EventWaits } from '../calls/EventWaits.js';
import { failureReason } from '../calls/failureReason.js';
import { holdProductionLock } from './holdProductionLock.js';

/**
 * Runs one stage as its sub-orchestration (`productionRelease` for a slot target, else
 * `deployStage`) and returns its result. A `cancel` that arrives meanwhile stops a
 * `deployStage` at once (terminated); for `productionRelease` it is recorded in the custom
 * status (`cancelRequested`), which the stage reads before it deploys and before it swaps.
 */
export function* runStageOrchestration(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: (event: ReleaseStatusEvent) => ReleaseCustomStatus,
  events: EventWaits,
): Generator<Task, StageResult, unknown> {
  const production = stage.target.slot !== undefined;
  const startedAt = nowIso(context);
  const ended = (reason: string, status: StageResult['status']): StageResult => ({
    stage: stage.name,
    status,
    reason,
    checks: [],
    startedAt,
    finishedAt: nowIso(context),
  });
  const opened = yield* events.open([releaseEvents.cancel]);
  if (opened.kind === 'early') return ended(cancelReason(readCancel(opened.payload)), 'Canceled');
  if (production) {
    try {
      yield* holdProductionLock(context, input, stage, apply);
    } catch {
      // productionRelease takes the lock itself; this wait only makes it visible here.
    }
  }
  apply({
    type: 'stageStarted',
    stage: stage.name,
    at: startedAt,
    step: production ? `releasing to ${stage.target.site}` : `deploying to ${stage.target.site}`,
  });
  const childId = stageInstanceId(input.releaseId, stage.name);
  const childName = production ? orchestratorNames.production : orchestratorNames.deployStage;
  const child = context.df.callSubOrchestrator(childName, stageInputOf(input, stage), childId);
  let request: CancelRequest | undefined;
  const cancel = opened.waits.get(releaseEvents.cancel);
  if (cancel !== undefined && !child.isCompleted) {
    const first: unknown = yield context.df.Task.any([child, cancel]);
    events.settle(opened.waits, first);
    if (first === cancel) request = readCancel(cancel.result);
  }
  if (request !== undefined) {
    if (!production) {
      yield* callActivity(context, 'stopStage', {
        instanceId: childId,
        reason: cancelReason(request),
      });
      return ended(cancelReason(request), 'Canceled');
    }
    apply({ type: 'cancelRequested', at: nowIso(context), by: request.by, reason: request.reason });
  }
  try {
    if (child.isCompleted && child.isFaulted) throw child.result;
    return (child.isCompleted ? child.result : yield child) as StageResult;
  } catch (error) {
    return ended(failureReason(error), 'Failed');
  }
}

/** The input of the stage's sub-orchestration. */
function stageInputOf(input: ReleaseInput, stage: PlannedStage): StageInput {
  return {
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    image: input.image,
    digest: input.digest,
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    stage,
  };
}
