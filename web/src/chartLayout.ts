/**
 * The geometry of the monitoring chart, as pure functions of the release view (no DOM), so
 * that what is drawn where can be reasoned about and tested without a browser.
 */
import type { ReleaseView, SampleView } from './types.js';

/** A marked moment on the time axis. */
export interface ChartEvent {
  kind: 'swap' | 'detect' | 'decide' | 'done';
  at: string;
  label: string;
  x: number;
  /** Label row (0 = top), so that labels of close events do not overlap. */
  row: number;
  /** Where the label starts: right of the line, or left of it near the right edge. */
  anchor: 'start' | 'end';
}

/** One sample's metric as a point (`y` undefined when the sample had no value). */
export interface ChartPoint {
  sample: SampleView;
  x: number;
  y: number | undefined;
}

/** A plotted metric: its points, its threshold line and the top of its scale. */
export interface ChartPanel {
  metric: 'errorRate' | 'p95Ms';
  title: string;
  top: number;
  bottom: number;
  max: number;
  threshold?: { value: number; y: number };
  points: ChartPoint[];
}

/** A canary step's span on the time axis. */
export interface ChartBand {
  percent: number;
  x1: number;
  x2: number;
}

/** Everything the chart draws, in SVG user units. */
export interface ChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  healthY: number;
  axisY: number;
  panels: ChartPanel[];
  events: ChartEvent[];
  bands: ChartBand[];
  ticks: { x: number; at: string }[];
  healthMarks: { x: number; sample: SampleView }[];
}

const width = 760;
const plotLeft = 70;
const plotRight = width - 20;
const labelRowPx = 13;
const labelRows = 3;
const panelPx = 110;
const gapPx = 36;

/** Lays out the chart of `view.monitor`; undefined when the release has no monitoring window. */
export function layoutMonitorChart(view: ReleaseView): ChartLayout | undefined {
  const monitor = view.monitor;
  if (monitor === undefined) return undefined;
  const samples = monitor.samples;
  const { start, span, x } = timeScale(view, monitor);
  const top = labelRows * labelRowPx + 24;
  const thresholds = monitor.thresholds;
  const errorPanel = panel('errorRate', 'Error rate', top, samples, x, thresholds?.errorRate);
  const p95Top = errorPanel.bottom + gapPx;
  const p95Panel = panel('p95Ms', 'p95', p95Top, samples, x, thresholds?.p95Ms);
  const healthY = p95Panel.bottom + 18;
  const axisY = healthY + 14;
  return {
    width,
    height: axisY + 22,
    plotLeft,
    plotRight,
    healthY,
    axisY,
    panels: [errorPanel, p95Panel],
    events: placeLabels(eventMarks(view, x)),
    bands: canaryBands(view, x),
    ticks: axisTicks(start, span, x),
    healthMarks: samples.map((sample) => ({ x: x(sample.at), sample })),
  };
}

/** The chart's time axis: its first moment, its span in ms, and the x of a moment. */
interface TimeScale {
  start: number;
  span: number;
  x: (iso: string) => number;
}

/** Fits every moment of the release's monitoring, rollback and canary steps into the plot. */
function timeScale(view: ReleaseView, monitor: NonNullable<ReleaseView['monitor']>): TimeScale {
  const rollback = view.rollback;
  const moments = [
    monitor.startedAt,
    view.swappedAt,
    ...monitor.samples.map((s) => s.at),
    rollback?.detectedAt,
    rollback?.decidedAt,
    rollback?.swapBackCompletedAt,
    ...(view.canary?.steps ?? []).flatMap((s) => [s.startedAt, s.finishedAt]),
  ]
    .filter((t): t is string => t !== undefined)
    .map(Date.parse)
    .filter((t) => !Number.isNaN(t));
  const start = Math.min(...moments);
  // A rolled-back window ends at the rollback; an ongoing one is drawn to its planned end.
  const end = Math.max(...moments, rollback === undefined ? Date.parse(monitor.endsAt) : start);
  const span = Math.max(end - start, 60_000);
  const x = (iso: string): number =>
    plotLeft + ((Date.parse(iso) - start) / span) * (plotRight - plotLeft);
  return { start, span, x };
}

/** The swap and rollback moments that happened, before their labels are placed. */
function eventMarks(view: ReleaseView, x: (iso: string) => number): ChartEvent[] {
  const rollback = view.rollback;
  return [
    view.swappedAt === undefined
      ? undefined
      : { kind: 'swap' as const, at: view.swappedAt, label: 'swap' },
    rollback === undefined
      ? undefined
      : { kind: 'detect' as const, at: rollback.detectedAt, label: 'detect' },
    rollback === undefined
      ? undefined
      : { kind: 'decide' as const, at: rollback.decidedAt, label: 'decide' },
    rollback?.swapBackCompletedAt === undefined
      ? undefined
      : { kind: 'done' as const, at: rollback.swapBackCompletedAt, label: 'swapped back' },
  ]
    .filter((e) => e !== undefined)
    .map((e) => ({ ...e, x: x(e.at), row: 0, anchor: 'start' as const }));
}

/** The span of each canary step that has started; an unfinished one runs to the plot's end. */
function canaryBands(view: ReleaseView, x: (iso: string) => number): ChartBand[] {
  return (view.canary?.steps ?? [])
    .flatMap((step) =>
      step.startedAt === undefined ? [] : [{ ...step, startedAt: step.startedAt }],
    )
    .map((step) => ({
      percent: step.percent,
      x1: x(step.startedAt),
      x2: step.finishedAt === undefined ? plotRight : x(step.finishedAt),
    }));
}

/** Five evenly spaced time ticks from the first moment to the end of the span. */
function axisTicks(start: number, span: number, x: (iso: string) => number): ChartLayout['ticks'] {
  return [0, 1, 2, 3, 4].map((i) => {
    const at = new Date(start + (span * i) / 4).toISOString();
    return { x: x(at), at };
  });
}

function panel(
  metric: ChartPanel['metric'],
  title: string,
  top: number,
  samples: SampleView[],
  x: (iso: string) => number,
  threshold: number | undefined,
): ChartPanel {
  const bottom = top + panelPx;
  const values = samples.map((s) => s[metric]).filter((v): v is number => v !== null);
  const max = niceMax(
    Math.max(...values, (threshold ?? 0) * 1.5, metric === 'errorRate' ? 0.001 : 10),
  );
  const y = (v: number): number => bottom - (Math.min(v, max) / max) * (bottom - top);
  return {
    metric,
    title,
    top,
    bottom,
    max,
    ...(threshold === undefined ? {} : { threshold: { value: threshold, y: y(threshold) } }),
    points: samples.map((sample) => {
      const value = sample[metric];
      return { sample, x: x(sample.at), y: value === null ? undefined : y(value) };
    }),
  };
}

/** 1, 2 or 5 times a power of ten, at least `v`. */
export function niceMax(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 5, 10]) if (step * power >= v) return step * power;
  return 10 * power;
}

/** Puts each label in the first row where it does not overlap the previous label there. */
function placeLabels(events: ChartEvent[]): ChartEvent[] {
  const rowEnds: number[] = [];
  return [...events]
    .sort((a, b) => a.x - b.x)
    .map((event) => {
      const labelPx = event.label.length * 6.5 + 4;
      const anchor = event.x + labelPx > width ? 'end' : 'start';
      const from = anchor === 'end' ? event.x - labelPx : event.x;
      let row = rowEnds.findIndex((end) => end < from);
      if (row < 0) row = Math.min(rowEnds.length, labelRows - 1);
      rowEnds[row] = from + labelPx;
      return { ...event, row, anchor };
    });
}
