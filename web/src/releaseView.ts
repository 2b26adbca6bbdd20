/** The release detail: facts, stages, monitoring window and rollback of one release. */
import { type Child, h } from './dom.js';
import {
  formatEvidence,
  formatMs,
  formatRate,
  formatSpan,
  formatTime,
  shortDigest,
} from './format.js';
import { renderMonitorChart } from './monitorChart.js';
import type { MonitorView, ReleaseView, RollbackView, StageView } from './types.js';
import { badge, facts, section, table } from './widgets.js';

/** The heading and key facts of a release. */
export function renderReleaseHead(view: ReleaseView): HTMLElement {
  const waiting = view.waitingFor;
  return h(
    'div',
    { id: 'release-head' },
    h(
      'h1',
      {},
      h(
        'span',
        { id: 'release-title' },
        `${view.pipeline} ${view.tag ?? shortDigest(view.digest)}`,
      ),
      ' ',
      h('span', { id: 'release-status' }, badge(view.status)),
    ),
    h('p', { id: 'release-step', class: 'step' }, `${view.stage}: ${view.step}`),
    facts([
      ['Release', h('code', {}, view.id)],
      ['Image', h('code', { id: 'release-image' }, view.image)],
      ['Tag', view.tag === undefined ? undefined : h('span', { id: 'release-tag' }, view.tag)],
      ['Digest', h('code', {}, view.digest)],
      ['Requested by', view.requestedBy],
      ['Created', formatTime(view.createdAt)],
      ['Updated', formatTime(view.updatedAt)],
      ['Waiting for', waiting === undefined ? undefined : waitingForLine(waiting)],
      [
        'Approvals',
        waiting === undefined || (waiting.required ?? 1) <= 1 ? undefined : quorumLine(waiting),
      ],
      [
        'Waiting for lock',
        view.waitingForLock === undefined
          ? undefined
          : `${view.waitingForLock.site}, held by ${view.waitingForLock.heldBy}`,
      ],
      [
        'Previous digest',
        view.previousDigest === undefined ? undefined : h('code', {}, view.previousDigest),
      ],
      ['Swapped', view.swappedAt === undefined ? undefined : formatTime(view.swappedAt)],
    ]),
  );
}

/** The approval a release waits for, as the head's "Waiting for" fact. */
type Waiting = NonNullable<ReleaseView['waitingFor']>;

/** Which stage waits for whom, and until when. */
function waitingForLine(waiting: Waiting): HTMLElement {
  return h(
    'span',
    { id: 'waiting-for' },
    `approval of ${waiting.stage} by ${waiting.approvers.join(', ')} (expires ${formatTime(waiting.expiresAt)})`,
  );
}

/** How many approvals a quorum stage has, from whom, and how many more it needs. */
function quorumLine(waiting: Waiting): HTMLElement {
  return h(
    'span',
    {
      id: 'quorum',
      'data-required': String(waiting.required ?? 1),
      'data-still-needed': String(waiting.stillNeeded ?? waiting.required ?? 1),
    },
    `${waiting.approvals?.length ?? 0} of ${waiting.required ?? 1}` +
      ((waiting.approvals ?? []).length === 0
        ? ''
        : ` (${(waiting.approvals ?? []).map((a) => a.by).join(', ')})`) +
      `, ${waiting.stillNeeded ?? waiting.required ?? 1} more needed`,
  );
}

/** Stages, monitoring and rollback of a release. */
export function renderReleaseBody(view: ReleaseView): HTMLElement {
  return h(
    'div',
    { id: 'release-body' },
    section('Stages', stagesTable(view.stages)),
    view.monitor === undefined ? null : monitorSection(view.monitor, view),
    view.rollback === undefined ? null : rollbackSection(view.rollback),
  );
}

function stagesTable(stages: StageView[]): HTMLTableElement {
  return table(
    ['Stage', 'Status', 'Started', 'Finished', 'Took', 'Approval', 'Checks'],
    stages.map((s) => [
      s.name,
      badge(s.status),
      formatTime(s.startedAt),
      formatTime(s.finishedAt),
      formatSpan(s.startedAt, s.finishedAt),
      approvalCell(s),
      s.checks.length === 0
        ? '—'
        : h(
            'ul',
            { class: 'checks' },
            ...s.checks.map((c) =>
              h(
                'li',
                {},
                badge(c.status),
                ` ${c.name}`,
                c.detail === undefined ? null : `: ${c.detail}`,
              ),
            ),
          ),
    ]),
    { id: 'stages' },
  );
}

function approvalCell(s: StageView): string {
  const all = s.approvals ?? (s.approval === undefined ? [] : [s.approval]);
  if (all.length === 0) return '—';
  return all
    .map(
      (a) => `${a.by} at ${formatTime(a.at)}${a.comment === undefined ? '' : ` — "${a.comment}"`}`,
    )
    .join('; ');
}

function monitorSection(m: MonitorView, view: ReleaseView): HTMLElement {
  const samples: Child[][] = [...m.samples]
    .reverse()
    .map((s) => [
      formatTime(s.at),
      String(s.requests),
      formatRate(s.errorRate),
      formatMs(s.p95Ms),
      badge(s.health),
      badge(s.verdict),
      s.reason ?? '',
    ]);
  return h(
    'section',
    { id: 'monitor' },
    h('h2', {}, 'Monitoring'),
    facts([
      ['Verdict', badge(m.verdict)],
      ['Step', m.step],
      ['Window', `${formatTime(m.startedAt)} → ${formatTime(m.endsAt)}`],
      ['Next tick', m.nextTickAt === undefined ? undefined : formatTime(m.nextTickAt)],
      [
        'Paused',
        m.waitingForDecision === undefined
          ? undefined
          : `since ${formatTime(m.waitingForDecision.since)}: ${m.waitingForDecision.reason}`,
      ],
    ]),
    renderMonitorChart(view),
    samples.length === 0
      ? h('p', { class: 'empty' }, 'No samples yet.')
      : table(['At', 'Requests', 'Error rate', 'p95', 'Health', 'Verdict', 'Why'], samples, {
          id: 'samples',
        }),
  );
}

function rollbackSection(r: RollbackView): HTMLElement {
  const evidence = formatEvidence(r.evidence);
  return h(
    'section',
    { id: 'rollback' },
    h('h2', {}, 'Rollback'),
    facts([
      ['Reason', h('span', { id: 'rollback-reason' }, r.reason)],
      ['Detected', formatTime(r.detectedAt)],
      ['Decided', formatTime(r.decidedAt)],
      [
        'Swapped back',
        r.swapBackCompletedAt === undefined ? 'not yet' : formatTime(r.swapBackCompletedAt),
      ],
      [
        'Evidence',
        evidence.length === 0
          ? '—'
          : h('ul', { class: 'evidence' }, ...evidence.map((line) => h('li', {}, line))),
      ],
    ]),
  );
}
