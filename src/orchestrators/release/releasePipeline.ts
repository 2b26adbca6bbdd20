import type { OrchestrationContext, Task } from 'durable-functions';

import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import type {
  PlannedStage,
  ReleaseCustomStatus,
  ReleaseInput,
  ReleaseOutcome,
  ReleaseStatusEvent,
  StageResult,
} from '../../domain/release/index.js';
import { initialReleaseStatus, reduceReleaseStatus } from '../../domain/release/index.js';
import { nowIso, nowMs } from '../calls/clock.js';
import { EventWaits } from '../calls/EventWaits.js';
import { report } from '../calls/report.js';
import { approvalEnding } from './approvalEnding.js';
import { type ApprovalWaitEnd, awaitApproval } from './awaitApproval.js';
import { runStageOrchestration } from './runStageOrchestration.js';
import { supersedeOlder } from './supersedeOlder.js';

/**
 * The `releasePipeline` orchestration (instance id = release id): first supersedes the older
 * releases of its pipeline still to be approved (or yields to a newer one already running:
 * Superseded at once), then runs the stages in config order. A stage with `approval` first waits for it (or a rejection, its timeout, a cancel or
 * a newer image); a stage with `target.slot` runs `productionRelease`, any other
 * `deployStage`. Every step is reported to Slack and the audit trail. The final status is
 * the custom status and the output.
 */
export function* releasePipeline(
  context: OrchestrationContext,
): Generator<Task, ReleaseOutcome, unknown> {
  const input = context.df.getInput<ReleaseInput>();
  let status = initialReleaseStatus(input.plan, nowIso(context));
  const apply: Apply = (event) => {
    status = reduceReleaseStatus(status, event);
    context.df.setCustomStatus(boundCustomStatus(status));
    return status;
  };
  context.df.setCustomStatus(boundCustomStatus(status));
  const events = new EventWaits(context);

  const supersede = yield* supersedeOlder(context, input);
  if (supersede.supersededBy !== undefined) {
    return yield* yieldToNewer(context, input, apply, supersede.supersededBy);
  }
  yield* reportStarted(context, input, supersede);
  for (const stage of input.plan.stages) {
    const ended = yield* releaseStage(context, input, stage, apply, events);
    if (ended !== undefined) return ended;
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

/** Applies one event to the release status and publishes it. */
type Apply = (event: ReleaseStatusEvent) => ReleaseCustomStatus;

/** A newer release of the pipeline already runs: this one ends Superseded at once. */
function* yieldToNewer(
  context: OrchestrationContext,
  input: ReleaseInput,
  apply: Apply,
  supersededBy: string,
): Generator<Task, ReleaseOutcome, unknown> {
  const reason = `superseded by ${supersededBy}, a newer release of ${input.pipeline} already running`;
  const status = apply({
    type: 'finished',
    status: 'Superseded',
    at: nowIso(context),
    step: reason,
  });
  yield* report(context, input, {
    key: 'Superseded',
    outcome: 'superseded',
    severity: 'warning',
    text: reason,
    detail: { supersededBy },
  });
  return { status: 'Superseded', stage: status.stage, reason };
}

/** Reports the start, naming the older releases this one superseded. */
function* reportStarted(
  context: OrchestrationContext,
  input: ReleaseInput,
  supersede: { superseded: string[]; error?: string },
): Generator<Task, void, unknown> {
  yield* report(context, input, {
    key: 'started',
    outcome: 'started',
    severity: 'info',
    text:
      `Release of ${input.tag ?? input.digest} started` +
      (supersede.superseded.length > 0 ? `; superseding ${supersede.superseded.join(', ')}` : ''),
    actor: input.requestedBy,
    detail: {
      superseded: supersede.superseded.join(','),
      ...(supersede.error !== undefined && { supersedeError: supersede.error }),
    },
  });
}

/**
 * One stage: its approval first when it has one, then the stage itself. Returns the release's
 * outcome when the release ends here, else undefined to go on with the next stage.
 */
function* releaseStage(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: Apply,
  events: EventWaits,
): Generator<Task, ReleaseOutcome | undefined, unknown> {
  if (stage.approval !== undefined) {
    const refused = yield* approveStage(context, input, stage, apply, events);
    if (refused !== undefined) return refused;
  }
  const result = yield* runStageOrchestration(context, input, stage, apply, events);
  apply({ type: 'stageFinished', result, at: nowIso(context) });
  yield* report(context, input, {
    key: `${stage.name}:${result.status}`,
    stage: stage.name,
    outcome: result.status === 'Succeeded' ? 'deployed' : result.status.toLowerCase(),
    severity: severityOf(result),
    text: result.reason ?? `${stage.name}: ${result.status.toLowerCase()}`,
  });
  if (result.status === 'Succeeded') return undefined;
  const final = finalStatusOf(result.status);
  const reason = result.reason ?? `${stage.name} ${result.status.toLowerCase()}`;
  apply({ type: 'finished', status: final, at: nowIso(context), step: reason });
  return { status: final, stage: stage.name, reason };
}

/** Waits for the stage's approval; the release's outcome when the wait did not approve it. */
function* approveStage(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: Apply,
  events: EventWaits,
): Generator<Task, ReleaseOutcome | undefined, unknown> {
  const outcome = yield* waitForApproval(context, input, stage, apply, events);
  if (outcome.kind === 'approved') {
    apply({
      type: 'approved',
      stage: stage.name,
      at: nowIso(context),
      by: outcome.by,
      ...(outcome.comment === undefined ? {} : { comment: outcome.comment }),
      approvals: outcome.approvals,
    });
    return undefined;
  }
  const ending = approvalEnding(stage.name, outcome);
  apply({ type: 'finished', status: ending.status, at: nowIso(context), step: ending.reason });
  yield* report(context, input, {
    key: `${stage.name}:${ending.status}`,
    stage: stage.name,
    outcome: ending.status.toLowerCase(),
    severity: 'warning',
    text: ending.reason,
  });
  return { status: ending.status, stage: stage.name, reason: ending.reason };
}

function* waitForApproval(
  context: OrchestrationContext,
  input: ReleaseInput,
  stage: PlannedStage,
  apply: Apply,
  events: EventWaits,
): Generator<Task, ApprovalWaitEnd, unknown> {
  const approval = stage.approval;
  if (approval === undefined) throw new Error(`stage ${stage.name} has no approval`);
  const expiresAt = new Date(nowMs(context) + approval.timeoutMs);
  const since = nowIso(context);
  apply({
    type: 'waitingForApproval',
    stage: stage.name,
    at: since,
    expiresAt: expiresAt.toISOString(),
    approvers: approval.approvers,
    required: approval.required ?? 1,
  });
  yield* report(context, input, {
    key: `${stage.name}:waiting`,
    stage: stage.name,
    outcome: 'waiting for approval',
    severity: 'info',
    text: `${stage.name} waits for ${(approval.required ?? 1) > 1 ? `${approval.required} approvals of` : 'approval by'} ${approval.approvers.join(', ')} until ${expiresAt.toISOString()}`,
  });
  const outcome = yield* awaitApproval(context, stage, expiresAt, events, since, (record) =>
    apply({ type: 'approvalRecorded', stage: stage.name, approval: record }),
  );
  if (outcome.kind === 'approved') {
    yield* report(context, input, {
      key: `${stage.name}:approved`,
      stage: stage.name,
      outcome: 'approved',
      severity: 'info',
      text: `${stage.name} approved by ${outcome.approvals.map((a) => a.by).join(', ')}`,
      actor: outcome.by,
    });
  }
  return outcome;
}

function finalStatusOf(status: StageResult['status']): 'RolledBack' | 'Canceled' | 'Failed' {
  if (status === 'RolledBack' || status === 'Canceled') return status;
  return 'Failed';
}

function severityOf(result: StageResult): 'success' | 'warning' | 'critical' {
  if (result.status === 'Succeeded') return 'success';
  return result.status === 'RolledBack' ? 'critical' : 'warning';
}
