import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  formatClock,
  formatDuration,
  formatEvidence,
  formatMs,
  formatRate,
  formatSpan,
  formatTime,
  shortDigest,
  statusLabel,
  statusTone,
} from '../../../web/src/format.js';

describe('console format', () => {
  it('gives every release status a tone and a label for people', () => {
    assert.equal(statusTone('Succeeded'), 'ok');
    assert.equal(statusTone('Passed'), 'ok');
    assert.equal(statusTone('RolledBack'), 'bad');
    assert.equal(statusTone('breach'), 'bad');
    assert.equal(statusTone('Unknown'), 'bad');
    assert.equal(statusTone('WaitingForApproval'), 'wait');
    assert.equal(statusTone('inconclusive'), 'wait');
    assert.equal(statusTone('Running'), 'run');
    assert.equal(statusTone('Superseded'), 'muted');
    assert.equal(statusTone('Pending'), 'muted');
    assert.equal(statusLabel('WaitingForApproval'), 'Waiting for approval');
    assert.equal(statusLabel('RolledBack'), 'Rolled back');
    assert.equal(statusLabel('pass'), 'Pass');
  });

  it('formats durations with at most two units', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(42_000), '42 s');
    assert.equal(formatDuration(60_000), '1 m');
    assert.equal(formatDuration(185_000), '3 m 5 s');
    assert.equal(formatDuration(2 * 3_600_000 + 10 * 60_000 + 5_000), '2 h 10 m');
    assert.equal(formatDuration(3 * 86_400_000 + 4 * 3_600_000), '3 d 4 h');
    assert.equal(formatDuration(-1), '—');
    assert.equal(formatDuration(Number.NaN), '—');
    assert.equal(formatSpan('2026-01-05T09:00:00Z', '2026-01-05T09:01:30Z'), '1 m 30 s');
    assert.equal(formatSpan('2026-01-05T09:00:00Z', undefined), '—');
  });

  it('formats times in UTC and keeps text that is not a time', () => {
    assert.equal(formatTime('2026-01-05T09:00:07.123Z'), '2026-01-05 09:00:07 UTC');
    assert.equal(formatTime(undefined), '—');
    assert.equal(formatTime('soon'), 'soon');
    assert.equal(formatClock(new Date(2026, 0, 5, 7, 8, 9)), '07:08:09');
  });

  it('formats samples, digests and evidence', () => {
    assert.equal(formatRate(0.0345), '3.5 %');
    assert.equal(formatRate(null), 'n/a');
    assert.equal(formatMs(340.4), '340 ms');
    assert.equal(formatMs(null), 'n/a');
    assert.equal(shortDigest(`sha256:${'ab'.repeat(32)}`), 'sha256:abababababab…');
    assert.equal(shortDigest(null), '—');
    assert.equal(shortDigest('sha256:abc'), 'sha256:abc');
    assert.deepEqual(formatEvidence({ rule: 'errorRate 0.03 > 0.01', samples: [1, 2] }), [
      'rule: errorRate 0.03 > 0.01',
      'samples: [1,2]',
    ]);
  });
});
