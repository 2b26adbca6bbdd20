/**
 * The monitoring window drawn as inline SVG: error rate and p95 per sample against their
 * thresholds, health failures, the swap and the rollback's detect / decide / done moments
 * on the time axis, and canary steps as bands. Every mark carries a class and `data-*`
 * attributes saying what it stands for, and a `<title>` for people.
 */
import {
  type ChartLayout,
  type ChartPanel,
  type ChartPoint,
  layoutMonitorChart,
} from './chartLayout.js';
import { svg } from './dom.js';
import { formatMs, formatRate, formatTime } from './format.js';
import type { ReleaseView } from './types.js';

/** The chart of the release's monitoring window, or null when it has none. */
export function renderMonitorChart(view: ReleaseView): SVGElement | null {
  const layout = layoutMonitorChart(view);
  if (layout === undefined) return null;
  const breaches = view.monitor?.samples.filter((s) => s.verdict === 'breach').length ?? 0;
  return svg(
    'svg',
    {
      id: 'monitor-chart',
      class: 'chart',
      role: 'img',
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      'aria-label': `Monitoring: ${view.monitor?.samples.length ?? 0} samples, ${breaches} breaching`,
    },
    ...layout.bands.map((band) =>
      svg(
        'g',
        { class: 'canary-step', 'data-percent': band.percent },
        svg('rect', {
          x: band.x1,
          y: layout.panels[0]?.top,
          width: Math.max(band.x2 - band.x1, 1),
          height: layout.axisY - (layout.panels[0]?.top ?? 0),
        }),
        svg(
          'text',
          { x: band.x1 + 3, y: (layout.panels[0]?.top ?? 0) + 11 },
          `canary ${band.percent}%`,
        ),
      ),
    ),
    ...layout.panels.map((p) => drawPanel(p, layout)),
    drawHealth(layout),
    drawAxis(layout),
    ...layout.events.map((e) =>
      svg(
        'g',
        { class: `event event-${e.kind}`, 'data-event': e.kind, 'data-at': e.at },
        svg('title', {}, `${e.label} at ${formatTime(e.at)}`),
        svg('line', { x1: e.x, x2: e.x, y1: 4 + e.row * 13, y2: layout.axisY }),
        svg(
          'text',
          {
            x: e.anchor === 'end' ? e.x - 3 : e.x + 3,
            y: 12 + e.row * 13,
            'text-anchor': e.anchor,
          },
          e.label,
        ),
      ),
    ),
  );
}

function drawPanel(p: ChartPanel, layout: ChartLayout): SVGElement {
  const format = (v: number): string => (p.metric === 'errorRate' ? formatRate(v) : formatMs(v));
  const line = p.points
    .filter((pt) => pt.y !== undefined)
    .map((pt) => `${pt.x.toFixed(1)},${(pt.y ?? 0).toFixed(1)}`)
    .join(' ');
  return svg(
    'g',
    { class: 'panel', 'data-metric': p.metric },
    svg('rect', {
      class: 'plot',
      x: layout.plotLeft,
      y: p.top,
      width: layout.plotRight - layout.plotLeft,
      height: p.bottom - p.top,
    }),
    svg('text', { class: 'panel-title', x: layout.plotLeft, y: p.top - 5 }, p.title),
    svg('text', { class: 'scale', x: layout.plotLeft - 4, y: p.top + 4 }, format(p.max)),
    svg('text', { class: 'scale', x: layout.plotLeft - 4, y: p.bottom }, format(0)),
    p.threshold === undefined ? null : drawThreshold(p, p.threshold, layout, format),
    line === '' ? null : svg('polyline', { class: 'series', points: line }),
    ...p.points.map((pt) => (pt.y === undefined ? null : drawSample(p, pt, pt.y, format))),
  );
}

/** A panel's threshold: a line across the plot, labelled with its limit. */
function drawThreshold(
  p: ChartPanel,
  threshold: { value: number; y: number },
  layout: ChartLayout,
  format: (v: number) => string,
): SVGElement {
  return svg(
    'g',
    { class: 'threshold', 'data-metric': p.metric, 'data-value': threshold.value },
    svg('title', {}, `${p.title} threshold ${format(threshold.value)}`),
    svg('line', {
      x1: layout.plotLeft,
      x2: layout.plotRight,
      y1: threshold.y,
      y2: threshold.y,
    }),
    svg(
      'text',
      { x: layout.plotRight - 2, y: threshold.y - 3 },
      `limit ${format(threshold.value)}`,
    ),
  );
}

/** One sample's value as a dot coloured by its verdict, with its time and value on hover. */
function drawSample(
  p: ChartPanel,
  pt: ChartPoint,
  y: number,
  format: (v: number) => string,
): SVGElement {
  return svg(
    'circle',
    {
      class: `sample verdict-${pt.sample.verdict}`,
      cx: pt.x,
      cy: y,
      r: 3.5,
      'data-at': pt.sample.at,
      'data-verdict': pt.sample.verdict,
      'data-value': pt.sample[p.metric] ?? undefined,
    },
    svg(
      'title',
      {},
      `${formatTime(pt.sample.at)}: ${p.title} ${format(pt.sample[p.metric] ?? 0)} (${pt.sample.verdict})`,
    ),
  );
}

function drawHealth(layout: ChartLayout): SVGElement {
  return svg(
    'g',
    { class: 'health' },
    svg('text', { class: 'panel-title', x: 4, y: layout.healthY + 4 }, 'Health'),
    ...layout.healthMarks.map(({ x, sample }) =>
      sample.health === 'fail'
        ? svg(
            'path',
            {
              class: 'health-failure',
              d: `M${x - 4},${layout.healthY - 4} L${x + 4},${layout.healthY + 4} M${x - 4},${layout.healthY + 4} L${x + 4},${layout.healthY - 4}`,
              'data-at': sample.at,
            },
            svg('title', {}, `${formatTime(sample.at)}: health check failed`),
          )
        : svg('circle', {
            class: 'health-pass',
            cx: x,
            cy: layout.healthY,
            r: 2,
            'data-at': sample.at,
          }),
    ),
  );
}

function drawAxis(layout: ChartLayout): SVGElement {
  return svg(
    'g',
    { class: 'axis' },
    svg('line', { x1: layout.plotLeft, x2: layout.plotRight, y1: layout.axisY, y2: layout.axisY }),
    ...layout.ticks.map((t) =>
      svg('text', { x: t.x, y: layout.axisY + 14, 'data-at': t.at }, t.at.slice(11, 16)),
    ),
  );
}
