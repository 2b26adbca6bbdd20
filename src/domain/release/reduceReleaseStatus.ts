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

/** The event of one `type`. */
type EventOf<T extends ReleaseStatusEvent['type']> = Extract<ReleaseStatusEvent, { type: T }>;

/** A status without the waits every event but `approvalRecorded` ends. */
type Unwaited = Omit<ReleaseCustomStatus, 'waitingFor' | 'waitingForLock'>;

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
  const next = nextStatus(state, event);
  return next === state ? state : fitStatus(next);
}

/** The status after `event`, before it is fitted to the budget. */
function nextStatus(state: ReleaseCustomStatus, event: ReleaseStatusEvent): ReleaseCustomStatus {
  const { waitingFor: _waiting, waitingForLock: _lock, ...rest } = state;
  switch (event.type) {
    case 'waitingForApproval':
      return waitForApproval(rest, event);
    case 'approvalRecorded':
      return recordApproval(state, event);
    case 'approved':
      return approve(rest, event);
    case 'stageStarted':
      return startStage(rest, event);
    case 'cancelRequested':
      return requestCancel(rest, event);
    case 'waitingForLock':
      return waitForLock(rest, event);
    case 'stageFinished':
      return finishStage(rest, event);
    case 'finished':
      return finish(rest, event);
  }
}

function waitForApproval(
  state: Unwaited,
  event: EventOf<'waitingForApproval'>,
): ReleaseCustomStatus {
  const required = event.required ?? 1;
  return {
    ...state,
    status: 'WaitingForApproval',
    stage: event.stage,
    step: `waiting for approval of ${event.stage}`,
    updatedAt: event.at,
    waitingFor: {
      stage: event.stage,
      since: event.at,
      expiresAt: event.expiresAt,
      approvers: event.approvers,
      required,
      approvals: [],
      stillNeeded: required,
    },
    stages: patch(state.stages, event.stage, { status: 'WaitingForApproval' }),
  };
}

/** One approval of a quorum that needs more: the wait goes on (other stages' are ignored). */
function recordApproval(
  state: ReleaseCustomStatus,
  event: EventOf<'approvalRecorded'>,
): ReleaseCustomStatus {
  const waiting = state.waitingFor;
  if (waiting?.stage !== event.stage) return state;
  const approvals = [...(waiting.approvals ?? []), event.approval];
  const required = waiting.required ?? 1;
  return {
    ...state,
    step: `approved by ${event.approval.by} (${approvals.length} of ${required}), waiting for more`,
    updatedAt: event.approval.at,
    waitingFor: { ...waiting, approvals, stillNeeded: Math.max(required - approvals.length, 0) },
  };
}

function approve(state: Unwaited, event: EventOf<'approved'>): ReleaseCustomStatus {
  return {
    ...state,
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
  };
}

function startStage(state: Unwaited, event: EventOf<'stageStarted'>): ReleaseCustomStatus {
  return {
    ...state,
    status: 'Running',
    stage: event.stage,
    step: event.step,
    updatedAt: event.at,
    stages: runStage(state.stages, event.stage, event.at),
  };
}

function requestCancel(state: Unwaited, event: EventOf<'cancelRequested'>): ReleaseCustomStatus {
  return {
    ...state,
    step: `cancel requested by ${event.by}`,
    updatedAt: event.at,
    cancelRequested: { by: event.by, reason: event.reason, at: event.at },
  };
}

function waitForLock(state: Unwaited, event: EventOf<'waitingForLock'>): ReleaseCustomStatus {
  return {
    ...state,
    status: 'Running',
    stage: event.stage,
    step: `waiting for the production lock of ${event.site} (held by ${event.heldBy})`,
    updatedAt: event.at,
    waitingForLock: { site: event.site, heldBy: event.heldBy },
    stages: runStage(state.stages, event.stage, event.at),
  };
}

function finishStage(state: Unwaited, event: EventOf<'stageFinished'>): ReleaseCustomStatus {
  const r = event.result;
  return {
    ...state,
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
  };
}

/** The release ends: waiting stages take the end's status, pending ones are skipped. */
function finish(state: Unwaited, event: EventOf<'finished'>): ReleaseCustomStatus {
  const waiting = waitingStageStatus[event.status];
  const running = event.status === 'Canceled' ? 'Canceled' : 'Failed';
  return {
    ...state,
    status: event.status,
    step: event.step,
    updatedAt: event.at,
    stages: state.stages.map((s) => endStage(s, waiting, running, event.at)),
  };
}

function isTerminal(status: ReleaseStatus): boolean {
  return status !== 'Running' && status !== 'WaitingForApproval';
}

/** Marks stage `name` Running, keeping when it first started. */
function runStage(stages: StageView[], name: string, at: string): StageView[] {
  const startedAt = stages.find((s) => s.name === name)?.startedAt ?? at;
  return patch(stages, name, { status: 'Running', startedAt });
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
