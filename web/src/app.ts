/**
 * Entry point of the Slotpilot console (`/api/console/app.js`): connect, route by hash, load
 * the view from the API, refresh it while the tab is visible, and run release actions.
 */
import { createActionsPanel } from './actionsPanel.js';
import { type ApiResult, callApi } from './api.js';
import { renderConnect } from './connectView.js';
import { h } from './dom.js';
import { formatClock } from './format.js';
import { identityLabel, readAuthMe } from './identityLabel.js';
import { renderList } from './listView.js';
import type { ProblemText } from './problem.js';
import { refreshIntervalMs } from './refresh.js';
import { renderReleaseBody, renderReleaseHead } from './releaseView.js';
import { listPath, parseRoute, type Route, routeHash } from './route.js';
import { clearConnection, type Connection, loadConnection, saveConnection } from './session.js';
import { renderSlots } from './slotsView.js';
import type { HealthView, ReleaseList, ReleaseView, SlotsView } from './types.js';
import { link, problemBox } from './widgets.js';

const main = required('main');
const nav = required('nav');
const who = required('who');
const updated = required('updated');
const intervalMs = refreshIntervalMs(location.search);

let connection: Connection | undefined = loadConnection();
let health: HealthView | undefined;
let generation = 0;
let timer: number | undefined;
let shownRoute = '';
let renderedKey = '';

const get = <T>(path: string): Promise<ApiResult<T>> =>
  callApi<T>(connection ?? { functionKey: '', token: '' }, 'GET', path);

const actions = createActionsPanel(
  (path, body) => callApi(connection ?? { functionKey: '', token: '' }, 'POST', path, body),
  () => void refresh(),
);

window.addEventListener('hashchange', () => void refresh());
document.addEventListener('visibilitychange', () => {
  if (document.hidden) stopPolling();
  else if (connection !== undefined) void refresh();
});
start();

function start(notice?: string): void {
  renderedKey = '';
  if (connection === undefined) {
    stopPolling();
    nav.replaceChildren();
    who.replaceChildren();
    updated.replaceChildren();
    renderConnect(main, connect, notice);
    return;
  }
  void loadHealth().then(() => refresh());
}

async function connect(candidate: Connection): Promise<ProblemText | undefined> {
  const probe = await callApi<ReleaseList>(candidate, 'GET', '/api/releases?top=1');
  if (!probe.ok) return probe.problem;
  saveConnection(candidate);
  connection = candidate;
  start();
  return undefined;
}

function disconnect(): void {
  generation++; // answers still under way render nothing
  clearConnection();
  connection = undefined;
  health = undefined;
  shownRoute = '';
  start('Disconnected: the function key and token were cleared from this tab.');
}

async function loadHealth(): Promise<void> {
  const answer = await get<HealthView>('/api/health');
  if (connection === undefined) return; // disconnected meanwhile
  health = answer.ok ? answer.body : undefined;
  renderNav();
  await renderWho();
}

function renderNav(): void {
  const pipelines = health?.pipelines.map((p) => p.name) ?? [];
  nav.replaceChildren(
    link(routeHash({ view: 'list' }), 'Releases', { id: 'nav-releases' }),
    ...pipelines.map((name) =>
      link(routeHash({ view: 'slots', pipeline: name }), `Slots: ${name}`, {
        class: 'nav-slots',
      }),
    ),
  );
}

async function renderWho(): Promise<void> {
  const token = connection?.token ?? '';
  const platformAuth = health?.identity.platformAuth === true;
  const platformUser = token === '' && platformAuth ? await readPlatformUser() : undefined;
  const label = identityLabel({
    token,
    platformAuth,
    ...(platformUser === undefined ? {} : { platformUser }),
  });
  const button = h('button', { type: 'button', id: 'disconnect' }, 'Disconnect');
  button.addEventListener('click', disconnect);
  who.replaceChildren(h('span', { id: 'who-label' }, label), ' ', button);
}

/** The signed-in user on Azure with App Service Authentication (`/.auth/me`), if any. */
async function readPlatformUser(): Promise<string | undefined> {
  try {
    const res = await fetch('/.auth/me', { credentials: 'same-origin', cache: 'no-store' });
    return res.ok ? readAuthMe(await res.json()) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads and shows the current route; schedules the next refresh. */
async function refresh(): Promise<void> {
  if (connection === undefined) return;
  stopPolling();
  const mine = ++generation;
  const route = parseRoute(location.hash);
  const routeKey = routeHash(route);
  if (route.view === 'release' && routeKey === shownRoute && actions.busy()) {
    schedule(mine);
    return;
  }
  const shown = await load(route, routeKey === shownRoute, mine);
  if (mine !== generation) return;
  if (shown) updated.replaceChildren(`updated ${formatClock(new Date())}`);
  shownRoute = routeKey;
  schedule(mine);
}

function schedule(mine: number): void {
  if (document.hidden || mine !== generation) return;
  timer = window.setTimeout(() => void refresh(), intervalMs);
}

function stopPolling(): void {
  if (timer !== undefined) window.clearTimeout(timer);
  timer = undefined;
}

/**
 * Renders `route` from fresh API data; false (with the problem shown) when the API refused.
 * On a refresh (`again`) a refusal is shown above the data already on the page. An answer
 * that arrives after a newer refresh or a disconnect (`mine` is stale) renders nothing.
 */
async function load(route: Route, again: boolean, mine: number): Promise<boolean> {
  const routeKey = routeHash(route);
  const fail = (problem: ProblemText, lead: string): false =>
    mine === generation && showProblem(problem, lead, again);
  switch (route.view) {
    case 'list': {
      const answer = await get<ReleaseList>(listPath(route));
      if (mine !== generation) return false;
      if (!answer.ok) return fail(answer.problem, 'Could not load the releases.');
      const pipelines = health?.pipelines.map((p) => p.name) ?? [];
      show([routeKey, answer.body, pipelines], () => [
        renderList(answer.body.releases, route, pipelines),
      ]);
      return true;
    }
    case 'slots': {
      const answer = await get<SlotsView>(
        `/api/pipelines/${encodeURIComponent(route.pipeline)}/slots`,
      );
      if (mine !== generation) return false;
      if (!answer.ok) return fail(answer.problem, `Could not load the slots of ${route.pipeline}.`);
      show([routeKey, answer.body], () => [renderSlots(answer.body)]);
      return true;
    }
    case 'release': {
      const answer = await get<ReleaseView>(`/api/releases/${encodeURIComponent(route.id)}`);
      if (mine !== generation) return false;
      if (!answer.ok) return fail(answer.problem, `Could not load release ${route.id}.`);
      actions.update(answer.body);
      show([routeKey, answer.body], () => [
        h('p', {}, link(routeHash({ view: 'list' }), '← all releases')),
        renderReleaseHead(answer.body),
        actions.element,
        renderReleaseBody(answer.body),
      ]);
      return true;
    }
  }
}

/**
 * Replaces the page's content unless it already shows exactly `data` (a refresh that changed
 * nothing keeps the DOM, so an open dropdown or a text selection survives it).
 */
function show(data: unknown, build: () => Node[]): void {
  const key = JSON.stringify(data);
  if (key === renderedKey && document.getElementById('load-problem') === null) return;
  renderedKey = key;
  main.replaceChildren(...build());
}

function showProblem(problem: ProblemText, lead: string, keepData: boolean): false {
  const box = problemBox(problem, lead);
  box.id = 'load-problem';
  if (keepData) {
    document.getElementById('load-problem')?.remove();
    main.prepend(box);
  } else {
    renderedKey = '';
    main.replaceChildren(box, h('p', {}, link(routeHash({ view: 'list' }), '← all releases')));
  }
  return false;
}

function required(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`console: the page has no #${id}`);
  return el;
}
