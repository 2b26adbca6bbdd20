import type { ApprovalRecord, CheckView, ReleaseCustomStatus, StageView } from './contract.js';

/** Custom status budget in JSON characters (the host limit is 16 KB of UTF-16, i.e. 8 K chars). */
export const customStatusBudgetChars = 7000;

const detailChars = 240;
const commentChars = 80;
/** A step is one line for humans; a failure's first line can be kilobytes long. */
const stepChars = 300;

type Fittable = Pick<ReleaseCustomStatus, 'step' | 'stages' | 'monitor' | 'waitingFor'>;

/**
 * Returns `status` trimmed to fit the custom status budget: the step and check details are
 * always shortened; then, in order until it fits, check details are dropped; approval comments
 * are shortened, then dropped; a stage's `approvals` that only repeats its `approval` goes; the
 * checks of stages that succeeded go (all passed; the audit trail keeps them); then the oldest
 * monitoring samples. Never removes a stage, an approver's `by`, or the wait the API answers
 * (`waitingFor`): the approval policy reads them (distinctFrom, one approval per person), so
 * they must stay exact. The config's bounds (stages, approvals, email length) keep those
 * within the budget.
 */
export function fitStatus<T extends Fittable>(status: T): T {
  const steps: ((s: T) => T)[] = [
    (s) => (s.step.length <= stepChars ? s : { ...s, step: `${s.step.slice(0, stepChars - 1)}…` }),
    (s) => mapChecks(s, (c) => c.map(shorten)),
    (s) => mapChecks(s, (c) => c.map(({ name, status: st }) => ({ name, status: st }))),
    (s) => mapApprovals(s, clipComment),
    (s) => mapApprovals(s, ({ comment: _comment, ...rest }) => rest),
    (s) => ({ ...s, stages: s.stages.map(withoutRepeatedApproval) }),
    (s) => ({
      ...s,
      stages: s.stages.map((stage) =>
        stage.status === 'Succeeded' ? { ...stage, checks: [] } : stage,
      ),
    }),
  ];
  let fitted = status;
  for (const [i, step] of steps.entries()) {
    // The step and check details are always shortened; the rest only while over budget.
    if (i > 1 && size(fitted) <= customStatusBudgetChars) return fitted;
    fitted = step(fitted);
  }
  while (size(fitted) > customStatusBudgetChars && (fitted.monitor?.samples.length ?? 0) > 0) {
    const monitor = fitted.monitor;
    if (monitor === undefined) break;
    fitted = { ...fitted, monitor: { ...monitor, samples: monitor.samples.slice(1) } };
  }
  return fitted;
}

/** JSON length of a value. */
export function size(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Checks with their details shortened to fit a custom status. */
export function shortenChecks(checks: CheckView[]): CheckView[] {
  return checks.map(shorten);
}

function shorten(check: CheckView): CheckView {
  if (check.detail === undefined || check.detail.length <= detailChars) return check;
  return { ...check, detail: `${check.detail.slice(0, detailChars - 1)}…` };
}

function withoutRepeatedApproval(stage: StageView): StageView {
  const [only, ...more] = stage.approvals ?? [];
  if (only === undefined || more.length > 0 || stage.approval === undefined) return stage;
  if (only.by !== stage.approval.by) return stage;
  const { approvals: _same, ...rest } = stage;
  return rest;
}

function clipComment(approval: ApprovalRecord): ApprovalRecord {
  if (approval.comment === undefined || approval.comment.length <= commentChars) return approval;
  return { ...approval, comment: `${approval.comment.slice(0, commentChars - 1)}…` };
}

function mapChecks<T extends Fittable>(status: T, change: (c: CheckView[]) => CheckView[]): T {
  return { ...status, stages: status.stages.map((s) => ({ ...s, checks: change(s.checks) })) };
}

/** `status` with `change` applied to every approval record (stages' and the current wait's). */
function mapApprovals<T extends Fittable>(
  status: T,
  change: (a: ApprovalRecord) => ApprovalRecord,
): T {
  const stage = (s: StageView): StageView => ({
    ...s,
    ...(s.approval === undefined ? {} : { approval: change(s.approval) }),
    ...(s.approvals === undefined ? {} : { approvals: s.approvals.map(change) }),
  });
  const waiting = status.waitingFor;
  return {
    ...status,
    stages: status.stages.map(stage),
    ...(waiting?.approvals === undefined
      ? {}
      : { waitingFor: { ...waiting, approvals: waiting.approvals.map(change) } }),
  };
}
