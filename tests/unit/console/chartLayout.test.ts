import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { layoutMonitorChart, niceMax } from '../../../web/src/chartLayout.js';
import type { ReleaseView, SampleView } from '../../../web/src/types.js';

const sample = (minute: number, errorRate: number | null, p95Ms: number | null): SampleView => ({
  at: `2026-01-05T09:${String(minute).padStart(2, '0')}:00.000Z`,
  requests: 100,
  errorRate,
  p95Ms,
  health: 'pass',
  verdict: errorRate !== null && errorRate > 0.01 ? 'breach' : 'pass',
});

const view = (extra: Partial<ReleaseView> = {}): ReleaseView =>
  ({
    id: 'r',
    swappedAt: '2026-01-05T09:00:00.000Z',
    monitor: {
      startedAt: '2026-01-05T09:00:00.000Z',
      endsAt: '2026-01-05T10:00:00.000Z',
      samples: [sample(1, 0, 100), sample(2, null, null), sample(3, 0.05, 2500)],
      verdict: 'breach',
      thresholds: { errorRate: 0.01, p95Ms: 2000, minRequests: 50 },
    },
    ...extra,
  }) as ReleaseView;

describe('monitor chart layout', () => {
  it('draws nothing without a monitoring window', () => {
    assert.equal(layoutMonitorChart({ ...view(), monitor: undefined }), undefined);
  });

  it('places samples in time order, skips missing values and puts breaches above the threshold', () => {
    const layout = layoutMonitorChart(view());
    const errors = layout?.panels.find((p) => p.metric === 'errorRate');
    assert.ok(errors?.threshold !== undefined);
    const [first, missing, breach] = errors.points;
    assert.ok(first !== undefined && missing !== undefined && breach !== undefined);
    assert.ok(first.x < missing.x && missing.x < breach.x);
    assert.equal(missing.y, undefined);
    assert.ok((breach.y ?? Infinity) < errors.threshold.y, 'breach drawn above the limit');
    assert.ok((first.y ?? 0) > errors.threshold.y, 'pass drawn below the limit');
  });

  it('ends a rolled-back window at the rollback and stacks the labels of close moments', () => {
    const layout = layoutMonitorChart(
      view({
        rollback: {
          reason: 'breach',
          evidence: {},
          at: '2026-01-05T09:03:00.000Z',
          detectedAt: '2026-01-05T09:03:00.000Z',
          decidedAt: '2026-01-05T09:03:01.000Z',
          swapBackCompletedAt: '2026-01-05T09:03:05.000Z',
        },
      }),
    );
    assert.ok(layout !== undefined);
    const kinds = layout.events.map((e) => e.kind);
    assert.deepEqual(kinds, ['swap', 'detect', 'decide', 'done']);
    const rows = layout.events.slice(1).map((e) => e.row);
    assert.equal(new Set(rows).size, 3, `three close labels on three rows: ${rows.join(',')}`);
    const done = layout.events.at(-1);
    assert.ok(done !== undefined && Math.abs(done.x - layout.plotRight) < 1, 'axis ends at done');
    assert.equal(done.anchor, 'end', 'a label at the right edge is drawn to the left');
  });

  it('draws canary steps as bands in time order', () => {
    const layout = layoutMonitorChart(
      view({
        canary: {
          step: 1,
          percent: 25,
          state: 'judging',
          steps: [
            {
              percent: 5,
              startedAt: '2026-01-05T08:40:00.000Z',
              finishedAt: '2026-01-05T08:50:00.000Z',
            },
            {
              percent: 25,
              startedAt: '2026-01-05T08:50:00.000Z',
              finishedAt: '2026-01-05T09:00:00.000Z',
            },
          ],
        },
      }),
    );
    const bands = layout?.bands ?? [];
    assert.deepEqual(
      bands.map((b) => b.percent),
      [5, 25],
    );
    assert.ok(bands[0] !== undefined && bands[1] !== undefined);
    assert.ok(bands[0].x1 < bands[0].x2 && bands[0].x2 <= bands[1].x1 + 0.001);
    assert.equal(bands[0].x1, layout?.plotLeft, 'the axis starts at the first step');
  });

  it('rounds scales up to 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual([niceMax(0.015), niceMax(2500), niceMax(0.001)], [0.02, 5000, 0.001]);
  });
});
