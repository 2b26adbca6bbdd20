import type {
  ReleaseCustomStatus,
  ReleasePlan,
  ReleaseStatus,
  StageStatus,
  StageView,
} from './contract.js';
import { fitStatus } from './fitStatus.js';
import type { ReleaseStatusEvent } from './ReleaseStatusEvent.js';

/** The status a release starts with: every stage Pending, the first one current. */
export function initialReleaseStatus(plan: ReleasePlan, at: string): ReleaseCustomStatus {
  return {
    status: 'Running',
    stage: plan.stages[0]?.name ?? '',
    step: 'starting',
    updatedAt: at,
    stages: plan.stages.map((s) => ({ name: s.name, status: 'Pending', checks: [] })),
  };
}

/** What a stage that never ran, or was waiting, becomes when the release ends this way. */
const waitingStageStatus: Partial<Record<ReleaseStatus, StageStatus>> = {
  Rejected: 'Rejected',
  Expired: 'Expired',
  Canceled: 'Canceled',
  Superseded: 'Canceled',
};

/**
 * The one place release state transitions happen: returns the status after `event`.
 * Pure; the result always fits the custom status budget. Events after a terminal status
 * are ignored.
 */
export function reduceReleaseStatus(
  state: ReleaseCustomStatus,
  event: ReleaseStatusEvent,
): ReleaseCustomStatus {
  if (isTerminal(state.status)) return state;
  const { waitingFor: _waiting, waitingForLock: _lock, ...rest } = state;
  switch (event.type) {
    case 'waitingForApproval':
      return fitStatus({
        ...rest,
        status: 'WaitingForApproval',
        stage: event.stage,
        step: `waiting for approval of ${event.stage}`,
        updatedAt: event.at,
        waitingFor: {
          stage: event.stage,
          since: event.at,
          expiresAt: event.expiresAt,
          approvers: event.approvers,
          required: event.required ?? 1,
          approvals: [],
          stillNeeded: event.required ?? 1,
        },
        stages: patch(state.stages, event.stage, { status: 'WaitingForApproval' }),
      });
    case 'approvalRecorded': {
      const waiting = state.waitingFor;
      if (waiting?.stage !== event.stage) return state;
      const approvals = [...(waiting.approvals ?? []), event.approval];
      const required = waiting.required ?? 1;
      return fitStatus({
        ...state,
        step: `approved by ${event.approval.by} (${approvals.length} of ${required}), waiting for more`,
        updatedAt: event.approval.at,
        waitingFor: {
          ...waiting,
          approvals,
          stillNeeded: Math.max(required - approvals.length, 0),
        },
      });
    }
    case 'approved':
      return fitStatus({
        ...rest,
        status: 'Running',
        stage: event.stage,
        step: `approved by ${(event.approvals ?? [event]).map((a) => a.by).join(', ')}`,
        updatedAt: event.at,
        stages: patch(state.stages, event.stage, {
          approval: {
            by: event.by,
            at: event.at,
            ...(event.comment === undefined ? {} : { comment: event.comment }),
          },
          ...(event.approvals === undefined ? {} : { approvals: event.approvals }),
        }),
      });
    case 'stageStarted':
      return fitStatus({
        ...rest,
        status: 'Running',
        stage: event.stage,
        step: event.step,
        updatedAt: event.at,
        stages: patch(state.stages, event.stage, {
          status: 'Running',
          startedAt: stageOf(state, event.stage)?.startedAt ?? event.at,
        }),
      });
    case 'cancelRequested':
      return fitStatus({
        ...rest,
        step: `cancel requested by ${event.by}`,
        updatedAt: event.at,
        cancelRequested: { by: event.by, reason: event.reason, at: event.at },
      });
    case 'waitingForLock':
      return fitStatus({
        ...rest,
        status: 'Running',
        stage: event.stage,
        step: `waiting for the production lock of ${event.site} (held by ${event.heldBy})`,
        updatedAt: event.at,
        waitingForLock: { site: event.site, heldBy: event.heldBy },
        stages: patch(state.stages, event.stage, {
          status: 'Running',
          startedAt: stageOf(state, event.stage)?.startedAt ?? event.at,
        }),
      });
    case 'stageFinished': {
      const r = event.result;
      return fitStatus({
        ...rest,
        stage: r.stage,
        step: r.reason ?? `${r.stage} ${r.status.toLowerCase()}`,
        updatedAt: event.at,
        ...(r.previousDigest === undefined ? {} : { previousDigest: r.previousDigest }),
        ...(r.swappedAt === undefined ? {} : { swappedAt: r.swappedAt }),
        stages: patch(state.stages, r.stage, {
          status: r.status,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          checks: r.checks,
        }),
      });
    }
    case 'finished': {
      const waiting = waitingStageStatus[event.status];
      return fitStatus({
        ...rest,
        status: event.status,
        step: event.step,
        updatedAt: event.at,
        stages: state.stages.map((s) =>
          endStage(s, waiting, event.status === 'Canceled' ? 'Canceled' : 'Failed', event.at),
        ),
      });
    }
  }
}

function isTerminal(status: ReleaseStatus): boolean {
  return status !== 'Running' && status !== 'WaitingForApproval';
}

function stageOf(state: ReleaseCustomStatus, name: string): StageView | undefined {
  return state.stages.find((s) => s.name === name);
}

function patch(stages: StageView[], name: string, change: Partial<StageView>): StageView[] {
  return stages.map((s) => (s.name === name ? { ...s, ...change } : s));
}

function endStage(
  stage: StageView,
  waiting: StageStatus | undefined,
  running: StageStatus,
  at: string,
): StageView {
  if (stage.status === 'WaitingForApproval') {
    return { ...stage, status: waiting ?? 'Canceled', finishedAt: at };
  }
  if (stage.status === 'Pending') return { ...stage, status: 'Skipped' };
  if (stage.status === 'Running') return { ...stage, status: running, finishedAt: at };
  return stage;
}
