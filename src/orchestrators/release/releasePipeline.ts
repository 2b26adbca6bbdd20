import type { OrchestrationContext, Task } from 'durable-functions';

import type {
  PlannedStage,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseOutcome,
  ReleaseStatusEvent,
  StageInput,
  StageResult,
} from '../../domain/release/index.js';
import {
  initialReleaseStatus,
  orchestratorNames,
  reduceReleaseStatus,
  stageInstanceId,
} from '../../domain/release/index.js';
import { nowIso, nowMs } from '../calls/clock.js';
import { failureReason } from '../calls/failureReason.js';
import { report } from '../calls/report.js';
import { approvalEnding } from './approvalEnding.js';
import { type ApprovalOutcome, awaitApproval } from './awaitApproval.js';
import { holdProductionLock } from './holdProductionLock.js';

/**
 * The `releasePipeline` orchestration (instance id = release id): runs the stages in config
 * order. A stage with `approval` first waits for it (or a rejection, its timeout, a cancel or
 * a newer image); a stage with `target.slot` runs `productionRelease`, any other
 * `deployStage`. Every step is reported to Slack and the audit trail. The final status is
 * the custom status and the output.
 */
export function* releasePipeline(
  context: OrchestrationContext,
): Generator<Task, ReleaseOutcome, unknown> {
  const input = context.df.getInput<ReleaseInput>();
  let status = initialReleaseStatus(input.plan, nowIso(context));
  const apply = (event: ReleaseStatusEvent): ReleaseCustomStatus => {
    status = reduceReleaseStatus(status, event);
    context.df.setCustomStatus(status);
    return status;
  };
  context.df.setCustomStatus(status);
  yield* report(context, input, {
    key: 'started',
    outcome: 'started',
    severity: 'info',
    text: `Release of ${input.tag ?? input.digest} started`,
    actor: input.requestedBy,
  });

  for (const stage of input.plan.stages) {
    if (stage.approval !== undefined) {
      const outcome = yield* waitForApproval(context, input, stage, apply);
      if (outcome.kind !== 'approved') {
        const ending = approvalEnding(stage.name, outcome);
        apply({
          type: 'finished',
          status: ending.status,
          at: nowIso(context),
          step: ending.reason,
        });
        yield* report(context, input, {
          key: `${stage.name}:${ending.status}`,
          stage: stage.name,
          outcome: ending.status.toLowerCase(),
          severity: 'warning',
          text: ending.reason,
        });
        return { status: ending.status, stage: stage.name, reason: ending.reason };
      }
      apply({
        type: 'approved',
        stage: stage.name,
        at: nowIso(context),
        by: outcome.by,
        ...(outcome.comment === undefined ? {} : { comment: outcome.comment }),
      });
    }

    const result = yield* runStage(context, input, stage, apply);
    apply({ type: 'stageFinished', result, at: nowIso(context) });
    yield* report(context, input, {
      key: `${stage.name}:${result.status}`,
      stage: stage.name,
      outcome: result.status === 'Succeeded' ? 'deployed' : result.status.toLowerCase(),
      severity: severityOf(result),
      text: result.reason ?? `${stage.name}: ${result.status.toLowerCase()}`,
    });
    if (result.status !== 'Succeeded') {
      const final = result.status === 'RolledBack' ? 'RolledBack' : 'Failed';
      const reason = result.reason ?? `${stage.name} ${result.status.toLowerCase()}`;
      apply({ type: 'finished', status: final, at: nowIso(context), step: reason });
      return { status: final, stage: stage.name, reason };
    }
  }

  const last = input.plan.stages.at(-1)?.name ?? '';
  apply({ type: 'finished', status: 'Succeeded', at: nowIso(context), step: 'released' });
  yield* report(context, input, {
    key: 'Succeeded',
    outcome: 'released',
    severity: 'success',
    text: `${input.tag ?? input.digest} is live`,
  });
  return { status: 'Succeeded', stage: last };
}

function* waitForApproval(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: (event: ReleaseStatusEvent) => ReleaseCustomStatus,
): Generator<Task, ApprovalOutcome, unknown> {
  const approval = stage.approval;
  if (approval === undefined) throw new Error(`stage ${stage.name} has no approval`);
  const expiresAt = new Date(nowMs(context) + approval.timeoutMs);
  apply({
    type: 'waitingForApproval',
    stage: stage.name,
    at: nowIso(context),
    expiresAt: expiresAt.toISOString(),
    approvers: approval.approvers,
  });
  yield* report(context, input, {
    key: `${stage.name}:waiting`,
    stage: stage.name,
    outcome: 'waiting for approval',
    severity: 'info',
    text: `${stage.name} waits for approval by ${approval.approvers.join(', ')} until ${expiresAt.toISOString()}`,
  });
  const outcome = yield* awaitApproval(context, stage, expiresAt);
  if (outcome.kind === 'approved') {
    yield* report(context, input, {
      key: `${stage.name}:approved`,
      stage: stage.name,
      outcome: 'approved',
      severity: 'info',
      text: `${stage.name} approved by ${outcome.by}`,
      actor: outcome.by,
    });
  }
  return outcome;
}

function* runStage(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: (event: ReleaseStatusEvent) => ReleaseCustomStatus,
): Generator<Task, StageResult, unknown> {
  const production = stage.target.slot !== undefined;
  const startedAt = nowIso(context);
  if (production) {
    try {
      yield* holdProductionLock(context, input, stage, apply);
    } catch {
      // productionRelease waits for the lock itself; this wait only makes it visible here.
    }
  }
  apply({
    type: 'stageStarted',
    stage: stage.name,
    at: startedAt,
    step: production ? `releasing to ${stage.target.site}` : `deploying to ${stage.target.site}`,
  });
  const stageInput: StageInput = {
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    image: input.image,
    digest: input.digest,
    ...(input.tag === undefined ? {} : { tag: input.tag }),
    stage,
  };
  try {
    return (yield context.df.callSubOrchestrator(
      production ? orchestratorNames.production : orchestratorNames.deployStage,
      stageInput,
      stageInstanceId(input.releaseId, stage.name),
    )) as StageResult;
  } catch (error) {
    return {
      stage: stage.name,
      status: 'Failed',
      reason: failureReason(error),
      checks: [],
      startedAt,
      finishedAt: nowIso(context),
    };
  }
}

function severityOf(result: StageResult): 'success' | 'warning' | 'critical' {
  if (result.status === 'Succeeded') return 'success';
  return result.status === 'RolledBack' ? 'critical' : 'warning';
}
