import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { queryWindow } from '../../../src/domain/monitor/queryWindow.js';

const swap = '2026-01-01T10:00:00.000Z';
const at = (hhmmss: string) => new Date(`2026-01-01T${hhmmss}.000Z`);
const min = 60_000;

describe('queryWindow', () => {
  it('ends the ingestion delay before now and reaches back the lookback', () => {
    assert.deepEqual(queryWindow(swap, at('10:30:00'), 5 * min, 2 * min), {
      fromIso: '2026-01-01T10:23:00.000Z',
      toIso: '2026-01-01T10:28:00.000Z',
    });
  });

  it('never reaches before the swap', () => {
    assert.deepEqual(queryWindow(swap, at('10:04:00'), 5 * min, 2 * min), {
      fromIso: swap,
      toIso: '2026-01-01T10:02:00.000Z',
    });
  });

  it('is undefined while the delayed end is at or before the swap', () => {
    assert.equal(queryWindow(swap, at('10:01:00'), 5 * min, 2 * min), undefined);
    assert.equal(queryWindow(swap, at('10:02:00'), 5 * min, 2 * min), undefined);
  });

  it('starts one millisecond after the delay has passed', () => {
    const w = queryWindow(swap, new Date(Date.parse(swap) + 2 * min + 1), 5 * min, 2 * min);
    assert.deepEqual(w, { fromIso: swap, toIso: '2026-01-01T10:00:00.001Z' });
  });

  it('works without ingestion delay', () => {
    assert.deepEqual(queryWindow(swap, at('10:10:00'), 5 * min, 0), {
      fromIso: '2026-01-01T10:05:00.000Z',
      toIso: '2026-01-01T10:10:00.000Z',
    });
  });

  it('names swappedAt when it is not a time', () => {
    assert.throws(() => queryWindow('yesterday', at('10:10:00'), min, 0), /swappedAt/);
  });
});
