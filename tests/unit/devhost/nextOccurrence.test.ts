import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { nextOccurrence, parseSchedule } from '../../../devhost/timers/nextOccurrence.js';

const at = (iso: string): number => Date.parse(iso);
const next = (expr: string, afterIso: string): string | undefined => {
  const ms = nextOccurrence(parseSchedule(expr), at(afterIso));
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

describe('NCRONTAB schedules', () => {
  it('finds the next second, minute and hour occurrences', () => {
    assert.equal(next('0 */5 * * * *', '2026-01-01T00:00:30Z'), '2026-01-01T00:05:00.000Z');
    assert.equal(next('0 */5 * * * *', '2026-01-01T00:05:00Z'), '2026-01-01T00:10:00.000Z');
    assert.equal(next('0 0 2 * * *', '2026-01-01T03:00:00Z'), '2026-01-02T02:00:00.000Z');
    assert.equal(next('*/10 * * * * *', '2026-01-01T00:00:01Z'), '2026-01-01T00:00:10.000Z');
  });

  it('honours day-of-week, ranges, lists and names', () => {
    // 2026-01-01 is a Thursday.
    assert.equal(next('0 30 9 * * 1-5', '2026-01-02T10:00:00Z'), '2026-01-05T09:30:00.000Z');
    assert.equal(next('0 0 0 1 jan,jul *', '2026-02-01T00:00:00Z'), '2026-07-01T00:00:00.000Z');
    assert.equal(next('0 0 12 * * sun', '2026-01-01T00:00:00Z'), '2026-01-04T12:00:00.000Z');
  });

  it('reads hh:mm:ss intervals', () => {
    assert.equal(next('00:05:00', '2026-01-01T00:00:30Z'), '2026-01-01T00:05:30.000Z');
  });

  it('names the expression and field it cannot read', () => {
    assert.throws(
      () => parseSchedule('0 */5 * * *'),
      /expected six NCRONTAB fields .*got "0 \*\/5 \* \* \*"/,
    );
    assert.throws(
      () => parseSchedule('0 61 * * * *'),
      /field 2 of "0 61 \* \* \* \*" within 0-59, got "61"/,
    );
  });
});
