/** The releases list: filters and one row per release, newest first (as the API orders it). */
import { h } from './dom.js';
import { formatTime, shortDigest } from './format.js';
import { routeHash } from './route.js';
import { releaseStatuses, type ReleaseSummary } from './types.js';
import { badge, link, table } from './widgets.js';

/** Current filters of the list. */
export interface ListFilters {
  pipeline?: string;
  status?: string;
}

/**
 * The list view: pipeline and status filters (changing one moves to its `#/releases?…`
 * route) and the releases table.
 */
export function renderList(
  releases: ReleaseSummary[],
  filters: ListFilters,
  pipelines: string[],
): HTMLElement {
  const pipelineSelect = h(
    'select',
    { id: 'filter-pipeline', name: 'pipeline' },
    h('option', { value: '' }, 'all pipelines'),
    ...pipelines.map((name) =>
      h('option', { value: name, selected: name === filters.pipeline }, name),
    ),
  );
  const statusSelect = h(
    'select',
    { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'any status'),
    ...releaseStatuses.map((status) =>
      h('option', { value: status, selected: status === filters.status }, status),
    ),
  );
  const apply = (): void => {
    const pipeline = pipelineSelect.value;
    const status = statusSelect.value;
    location.hash = routeHash({
      view: 'list',
      ...(pipeline === '' ? {} : { pipeline }),
      ...(status === '' ? {} : { status }),
    });
  };
  pipelineSelect.addEventListener('change', apply);
  statusSelect.addEventListener('change', apply);

  const rows = releases.map((r) => [
    link(routeHash({ view: 'release', id: r.id }), r.id, { class: 'release-link' }),
    r.pipeline,
    h('span', { class: 'image-tag' }, r.tag ?? shortDigest(r.digest)),
    badge(r.status),
    `${r.stage}: ${r.step}`,
    formatTime(r.createdAt),
  ]);
  return h(
    'div',
    { id: 'list-view' },
    h('h1', {}, 'Releases'),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'filter-pipeline' }, 'Pipeline'),
      pipelineSelect,
      h('label', { for: 'filter-status' }, 'Status'),
      statusSelect,
    ),
    releases.length === 0
      ? h('p', { class: 'empty' }, 'No releases match.')
      : table(['Release', 'Pipeline', 'Image', 'Status', 'Step', 'Created'], rows, {
          id: 'releases',
        }),
  );
}
