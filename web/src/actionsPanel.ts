/** The action buttons of a release, their confirmation form and the outcome of the last one. */
import {
  actionRequest,
  type ActionText,
  actionText,
  allowedActions,
  type ReleaseAction,
} from './actions.js';
import type { ApiResult } from './api.js';
import { h } from './dom.js';
import type { ReleaseView } from './types.js';
import { problemBox } from './widgets.js';

/** The actions part of the release view; kept across auto-refreshes. */
export interface ActionsPanel {
  /** `<div id="actions">`: buttons or the confirmation form, then the last outcome. */
  readonly element: HTMLElement;
  /** Shows the buttons `view` allows (not while a confirmation form is open). */
  update(view: ReleaseView): void;
  /** True while a confirmation form is open or a request is under way. */
  busy(): boolean;
}

/**
 * Creates the panel. `post` sends an action's request; `settled` runs after every answer
 * (the caller refreshes the release).
 */
export function createActionsPanel(
  post: (path: string, body: Record<string, string | number>) => Promise<ApiResult<unknown>>,
  settled: () => void,
): ActionsPanel {
  const buttons = h('div', { class: 'action-buttons' });
  const outcome = h('div', { id: 'outcome', 'aria-live': 'polite' });
  const element = h('div', { id: 'actions' }, buttons, outcome);
  let shownKey = '';
  let open = false;
  let view: ReleaseView | undefined;

  const showButtons = (): void => {
    const actions = view === undefined ? [] : allowedActions(view);
    shownKey = actionsKey(actions);
    buttons.replaceChildren(...actions.map((action) => actionButton(action, confirmForm)));
  };

  const confirmForm = (action: ReleaseAction): void => {
    if (view === undefined) return;
    const releaseId = view.id;
    const text = actionText(action);
    open = true;
    outcome.replaceChildren();
    const { form, note, confirm, back } = confirmationForm(action, text);
    back.addEventListener('click', () => {
      open = false;
      showButtons();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      confirm.disabled = true;
      back.disabled = true;
      const request = actionRequest(action, releaseId, note.value);
      void post(request.path, request.body).then((answer) => {
        open = false;
        outcome.replaceChildren(outcomeLine(answer, text.label));
        showButtons();
        settled();
      });
    });
    buttons.replaceChildren(form);
    note.focus();
  };

  return {
    element,
    update(next) {
      const sameRelease = view?.id === next.id;
      view = next;
      if (!sameRelease) {
        open = false;
        outcome.replaceChildren();
      }
      if (open) return;
      if (!sameRelease || actionsKey(allowedActions(next)) !== shownKey) showButtons();
    },
    busy: () => open,
  };
}

/** Identifies a set of allowed actions, so that unchanged buttons are not redrawn. */
function actionsKey(actions: readonly ReleaseAction[]): string {
  return actions.map((a) => JSON.stringify(a)).join('|');
}

/** The button of `action`; a click asks for confirmation through `choose`. */
function actionButton(
  action: ReleaseAction,
  choose: (action: ReleaseAction) => void,
): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: `action action-${action.kind}`, 'data-action': action.kind },
    actionText(action).label,
  );
  button.addEventListener('click', () => choose(action));
  return button;
}

/** The controls of the confirmation form of `action`. */
interface ConfirmationForm {
  form: HTMLFormElement;
  note: HTMLTextAreaElement;
  confirm: HTMLButtonElement;
  back: HTMLButtonElement;
}

/** The confirmation form of `action`: its question, a note, then Confirm and Back. */
function confirmationForm(action: ReleaseAction, text: ActionText): ConfirmationForm {
  const note = h('textarea', { id: 'action-note', name: 'note', rows: '2', maxlength: '2000' });
  const confirm = h(
    'button',
    { type: 'submit', id: 'action-confirm', 'data-action': action.kind },
    `Confirm: ${text.label}`,
  );
  const back = h('button', { type: 'button', id: 'action-back' }, 'Back');
  const form = h(
    'form',
    { id: 'action-form', class: 'action-form' },
    h('p', { class: 'confirm-question' }, text.confirm),
    h('label', { for: 'action-note' }, text.note),
    note,
    h('div', { class: 'form-buttons' }, confirm, back),
  );
  return { form, note, confirm, back };
}

/** The outcome of an action's request: accepted with its status, or the refusal's problem. */
function outcomeLine(answer: ApiResult<unknown>, label: string): HTMLElement {
  return answer.ok
    ? h(
        'p',
        { class: 'done', 'data-http-status': String(answer.status) },
        `${label}: accepted (${answer.status}).`,
      )
    : problemBox(answer.problem, `${label} was refused; nothing changed.`);
}
