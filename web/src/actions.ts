/** Pure rules for the console's action buttons: which actions a release allows, and their requests. */
import type { ReleaseStatus, ReleaseView } from './types.js';

/** An action a user may take on a release. */
export type ReleaseAction =
  | { kind: 'approve'; stage: string }
  | { kind: 'reject'; stage: string }
  | { kind: 'cancel' }
  | { kind: 'rollback' }
  | { kind: 'resume' }
  /** Promote the canary step shown: `step` is 1-based, as the page shows it. */
  | { kind: 'promote'; step: number; percent: number };

const promotable: ReadonlySet<string> = new Set(['routing', 'judging', 'waitingForPromotion']);

const ended: ReadonlySet<ReleaseStatus> = new Set([
  'Succeeded',
  'RolledBack',
  'Rejected',
  'Expired',
  'Superseded',
  'Canceled',
  'Failed',
]);

/**
 * The actions that make sense for a release in its current state (the API still decides who
 * may take them): approve / reject the stage it waits for; cancel until production was
 * swapped; roll back once swapped (during or after monitoring) unless rolled back or failed;
 * resume a monitor paused for a decision; promote the canary step in progress (or waiting).
 */
export function allowedActions(view: ReleaseView): ReleaseAction[] {
  const actions: ReleaseAction[] = [];
  const swapped = view.swappedAt !== undefined || view.monitor !== undefined;
  if (view.status === 'WaitingForApproval' && view.waitingFor !== undefined) {
    actions.push({ kind: 'approve', stage: view.waitingFor.stage });
    actions.push({ kind: 'reject', stage: view.waitingFor.stage });
  }
  if (!ended.has(view.status) && !swapped) actions.push({ kind: 'cancel' });
  if (view.monitor?.waitingForDecision !== undefined && view.status === 'Running') {
    actions.push({ kind: 'resume' });
  }
  const canary = view.canary;
  if (canary !== undefined && view.status === 'Running' && promotable.has(canary.state)) {
    const index = canary.waitingForPromotion?.step ?? canary.step;
    const percent = canary.steps[index]?.percent ?? canary.percent;
    actions.push({ kind: 'promote', step: index + 1, percent });
  }
  const rolledBack = view.rollback !== undefined || view.status === 'RolledBack';
  if (swapped && !rolledBack && (view.status === 'Running' || view.status === 'Succeeded')) {
    actions.push({ kind: 'rollback' });
  }
  return actions;
}

/** How an action is asked for: button label, the note's label, whether the note is required. */
export interface ActionText {
  label: string;
  confirm: string;
  note: string;
  noteRequired: boolean;
}

/** The words of an action's button and confirmation form. */
export function actionText(action: ReleaseAction): ActionText {
  switch (action.kind) {
    case 'approve':
      return {
        label: `Approve ${action.stage}`,
        confirm: `Approve ${action.stage} for this release?`,
        note: 'Comment (optional)',
        noteRequired: false,
      };
    case 'reject':
      return {
        label: `Reject ${action.stage}`,
        confirm: `Reject ${action.stage}? The release stops.`,
        note: 'Reason',
        noteRequired: true,
      };
    case 'cancel':
      return {
        label: 'Cancel release',
        confirm: 'Cancel this release? It stops before production.',
        note: 'Reason',
        noteRequired: true,
      };
    case 'rollback':
      return {
        label: 'Roll back',
        confirm: 'Swap production back to the previous version?',
        note: 'Reason',
        noteRequired: true,
      };
    case 'resume':
      return {
        label: 'Continue monitoring',
        confirm: 'Continue monitoring despite the inconclusive samples?',
        note: 'Reason',
        noteRequired: true,
      };
    case 'promote':
      return {
        label: `Promote step ${action.step} (${action.percent}%)`,
        confirm: `Send the canary on from step ${action.step} (${action.percent}%) now?`,
        note: 'Reason (optional)',
        noteRequired: false,
      };
  }
}

/** The API request an action makes: `POST path` with a JSON body. */
export function actionRequest(
  action: ReleaseAction,
  releaseId: string,
  note: string,
): { path: string; body: Record<string, string | number> } {
  const base = `/api/releases/${encodeURIComponent(releaseId)}`;
  const text = note.trim();
  switch (action.kind) {
    case 'approve':
      return {
        path: `${base}/approve`,
        body: { stage: action.stage, ...(text === '' ? {} : { comment: text }) },
      };
    case 'reject':
      return { path: `${base}/reject`, body: { stage: action.stage, reason: text } };
    case 'cancel':
      return { path: `${base}/cancel`, body: { reason: text } };
    case 'rollback':
      return { path: `${base}/rollback`, body: { reason: text } };
    case 'resume':
      return { path: `${base}/resume`, body: { reason: text } };
    case 'promote':
      return {
        path: `${base}/promote`,
        body: { step: action.step, ...(text === '' ? {} : { reason: text }) },
      };
  }
}
