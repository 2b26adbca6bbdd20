import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideManualRollback } from '../../../src/domain/monitor/index.js';

const releaseId = 'pwbi-api-abab';
const swappedAt = '2026-01-05T10:00:00.000Z';

describe('decideManualRollback', () => {
  it('raises on a monitor in its window, competing with a resume while it is paused', () => {
    assert.deepEqual(decideManualRollback({ releaseId, monitor: { live: true, swappedAt } }), {
      kind: 'raise',
      slot: [releaseId, swappedAt, 'rollback'],
    });
    const since = '2026-01-05T10:20:00.000Z';
    assert.deepEqual(
      decideManualRollback({ releaseId, monitor: { live: true, swappedAt, pausedSince: since } }),
      { kind: 'raise', slot: [releaseId, swappedAt, 'monitor', since] },
    );
  });

  it('starts a rollback after the window, once per production run', () => {
    const route = decideManualRollback({
      releaseId,
      monitor: { live: false, swappedAt, outcome: 'passed' },
    });
    assert.deepEqual(route, { kind: 'start', slot: [releaseId, swappedAt, 'rollback'] });
    // One still running takes the same claim: the second request loses it (409).
    assert.deepEqual(
      decideManualRollback({
        releaseId,
        monitor: { live: false, swappedAt, outcome: 'passed' },
        lastRollback: { live: true, createdAt: 't1' },
      }),
      route,
    );
  });

  it('refuses a release rolled back already, in its window or after it', () => {
    for (const facts of [
      { monitor: { live: false, swappedAt, outcome: 'rolledBack' } },
      {
        monitor: { live: false, swappedAt, outcome: 'passed' },
        lastRollback: { live: false, createdAt: 't1', outcome: 'rolledBack' },
      },
    ]) {
      assert.deepEqual(decideManualRollback({ releaseId, ...facts }), {
        kind: 'refuse',
        reason: `Release ${releaseId} was rolled back already.`,
      });
    }
  });

  it('lets a new request try again after a refused rollback, as a new decision', () => {
    const retry = decideManualRollback({
      releaseId,
      monitor: { live: false, swappedAt, outcome: 'passed' },
      lastRollback: { live: false, createdAt: 't1', outcome: 'refused' },
    });
    assert.deepEqual(retry, {
      kind: 'start',
      slot: [releaseId, swappedAt, 'rollback', 'after refusal', 't1'],
    });
    // A failed rollback keeps its claim: a person finishes it by hand.
    assert.deepEqual(
      decideManualRollback({
        releaseId,
        monitor: { live: false, swappedAt, outcome: 'passed' },
        lastRollback: { live: false, createdAt: 't1', outcome: 'rollbackFailed' },
      }),
      { kind: 'start', slot: [releaseId, swappedAt, 'rollback'] },
    );
  });
});
