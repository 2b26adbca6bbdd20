/** The "connect" form: the function key and the bearer token the console sends. */
import { h } from './dom.js';
import type { ProblemText } from './problem.js';
import type { Connection } from './session.js';
import { problemBox } from './widgets.js';

/**
 * Renders the connect form into `root`. `onConnect` tries the connection and answers a
 * problem when the API refused it (shown under the form) or undefined when it worked.
 */
export function renderConnect(
  root: HTMLElement,
  onConnect: (connection: Connection) => Promise<ProblemText | undefined>,
  notice?: string,
): void {
  const key = secretInput('connect-key', 'functionKey');
  const token = secretInput('connect-token', 'token');
  const status = h('div', { id: 'connect-status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'connect-submit' }, 'Connect');
  const form = h(
    'form',
    { id: 'connect', class: 'connect', autocomplete: 'off' },
    h('h1', {}, 'Connect to Slotpilot'),
    notice === undefined ? null : h('p', { class: 'notice' }, notice),
    h('label', { for: 'connect-key' }, 'Function key'),
    key,
    h(
      'p',
      { class: 'hint' },
      'Needed on Azure and on a strict dev host (sent as x-functions-key). Leave empty on a local dev host that checks no keys.',
    ),
    h('label', { for: 'connect-token' }, 'Bearer token'),
    token,
    h(
      'p',
      { class: 'hint' },
      'From "npx slotpilot token issue --user EMAIL". Leave empty on Azure when you signed in through App Service Authentication.',
    ),
    submit,
    status,
    h(
      'p',
      { class: 'hint' },
      'Both stay in this browser tab only (sessionStorage) and are cleared by Disconnect.',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.replaceChildren(h('p', {}, 'Connecting…'));
    void onConnect({ functionKey: key.value.trim(), token: token.value.trim() }).then((problem) => {
      submit.disabled = false;
      status.replaceChildren();
      if (problem !== undefined) status.append(problemBox(problem, 'Not connected.'));
    });
  });
  root.replaceChildren(form);
  key.focus();
}

/** A password field the browser neither fills in nor spell-checks. */
function secretInput(id: string, name: string): HTMLInputElement {
  return h('input', { id, name, type: 'password', autocomplete: 'off', spellcheck: 'false' });
}
