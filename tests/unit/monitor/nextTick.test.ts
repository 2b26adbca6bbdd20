import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { nextTick } from '../../../src/domain/monitor/nextTick.js';

const window = { startedAt: '2026-01-01T10:00:00.000Z', endsAt: '2026-01-01T11:00:00.000Z' };
const at = (hhmmss: string) => new Date(`2026-01-01T${hhmmss}.000Z`);
const min = 60_000;

describe('nextTick', () => {
  it('is one interval after the start at the start', () => {
    assert.equal(nextTick(window, min, at('10:00:00')), '2026-01-01T10:01:00.000Z');
  });

  it('stays on the grid when called late or early within an interval', () => {
    assert.equal(nextTick(window, min, at('10:00:30')), '2026-01-01T10:01:00.000Z');
    assert.equal(nextTick(window, min, at('10:07:59')), '2026-01-01T10:08:00.000Z');
  });

  it('moves on when called exactly at a tick', () => {
    assert.equal(nextTick(window, min, at('10:08:00')), '2026-01-01T10:09:00.000Z');
  });

  it('cuts the last tick at the end of the window', () => {
    assert.equal(nextTick(window, 7 * min, at('10:56:00')), '2026-01-01T11:00:00.000Z');
  });

  it('is undefined once the window is over', () => {
    assert.equal(nextTick(window, min, at('11:00:00')), undefined);
    assert.equal(nextTick(window, min, at('12:00:00')), undefined);
  });

  it('is the first tick when asked before the window starts', () => {
    assert.equal(nextTick(window, min, at('09:00:00')), '2026-01-01T10:01:00.000Z');
  });

  it('gives 60 ticks for one hour at one minute', () => {
    let now = at('10:00:00');
    let ticks = 0;
    for (let t = nextTick(window, min, now); t !== undefined; t = nextTick(window, min, now)) {
      now = new Date(t);
      ticks += 1;
    }
    assert.equal(ticks, 60);
  });

  it('rejects a non-positive interval', () => {
    assert.throws(() => nextTick(window, 0, at('10:00:00')), /intervalMs/);
  });
});
