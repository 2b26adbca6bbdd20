/** Small DOM building blocks shared by the console's views. */
import { type Child, h } from './dom.js';
import { statusLabel, statusTone } from './format.js';
import type { ProblemText } from './problem.js';

/** A status badge: its label as text, its tone as class, the raw status in `data-status`. */
export function badge(status: string): HTMLSpanElement {
  return h(
    'span',
    { class: `badge tone-${statusTone(status)}`, 'data-status': status },
    statusLabel(status),
  );
}

/** A definition list of `[term, value]` pairs; pairs with an undefined value are left out. */
export function facts(pairs: [string, Child][]): HTMLDListElement {
  const list = h('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    if (value === undefined) continue;
    list.append(h('dt', {}, term), h('dd', {}, value));
  }
  return list;
}

/** A table with a header row and body rows of cells. */
export function table(headers: string[], rows: Child[][], attrs = {}): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

/** A problem box: `status title`, the detail, and one line per invalid field. */
export function problemBox(problem: ProblemText, lead?: string): HTMLDivElement {
  return h(
    'div',
    { class: 'problem', role: 'alert', 'data-http-status': String(problem.status) },
    lead === undefined ? null : h('p', { class: 'lead' }, lead),
    h(
      'p',
      { class: 'problem-title' },
      problem.status === 0 ? problem.title : `${problem.status} ${problem.title}`,
    ),
    problem.detail === '' ? null : h('p', { class: 'problem-detail' }, problem.detail),
    problem.fields.length === 0
      ? null
      : h('ul', { class: 'problem-fields' }, ...problem.fields.map((line) => h('li', {}, line))),
  );
}

/** A section with a heading. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...children);
}

/** A link that opens in place (`#/…` routes). */
export function link(href: string, text: string, attrs = {}): HTMLAnchorElement {
  return h('a', { href, ...attrs }, text);
}
