import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValidationError } from '../../../src/domain/errors.js';
import {
  parseListQuery,
  type ReleaseSummary,
  selectReleases,
} from '../../../src/domain/view/index.js';

const query = (params: Record<string, string>) => (name: string) => params[name] ?? null;
const nowMs = Date.parse('2026-12-05T12:00:00.000Z');
const bounds = { nowMs, retentionMs: 30 * 86_400_000 };
const summary = (
  id: string,
  pipeline: string,
  status: ReleaseSummary['status'],
  createdAt: string,
): ReleaseSummary => ({
  id,
  pipeline,
  status,
  createdAt,
  image: '',
  digest: '',
  stage: '',
  step: '',
  requestedBy: '',
  updatedAt: createdAt,
  links: { self: id },
});

describe('parseListQuery', () => {
  it('defaults top to 50 and passes filters', () => {
    assert.deepEqual(parseListQuery(query({}), bounds), {
      top: 50,
      sinceMs: nowMs - 30 * 86_400_000,
    });
    assert.deepEqual(
      parseListQuery(
        query({ pipeline: 'pwbi-api', status: 'Running', top: '5', since: '1h' }),
        bounds,
      ),
      {
        pipeline: 'pwbi-api',
        status: 'Running',
        top: 5,
        sinceMs: nowMs - 3_600_000,
        sinceText: '1h',
      },
    );
  });

  it('names the bad parameter', () => {
    for (const [params, field] of [
      [{ status: 'Done' }, 'status'],
      [{ top: '0' }, 'top'],
      [{ top: '2.5' }, 'top'],
      [{ top: '1001' }, 'top'],
      [{ top: 'ten' }, 'top'],
      [{ pipeline: '' }, 'pipeline'],
      [{ since: '31d' }, 'since'],
      [{ since: '2026-12-05' + 'T12:00:00' }, 'since'],
      [{ since: '' }, 'since'],
      [{ cursor: 'WyJ4IiwiYSJd' }, 'cursor'],
    ] as const) {
      assert.throws(
        () => parseListQuery(query(params), bounds),
        (e: unknown) => e instanceof ValidationError && e.field === field,
      );
    }
  });
});

describe('selectReleases', () => {
  const all = [
    summary('a', 'p1', 'Succeeded', '2026-01-01T00:00:00.000Z'),
    summary('b', 'p1', 'WaitingForApproval', '2026-01-02T00:00:00.000Z'),
    summary('c', 'p2', 'WaitingForApproval', '2026-01-03T00:00:00.000Z'),
  ];

  it('returns the newest first, filtered and limited', () => {
    assert.deepEqual(
      selectReleases(all, { top: 50 }).map((r) => r.id),
      ['c', 'b', 'a'],
    );
    assert.deepEqual(
      selectReleases(all, { pipeline: 'p1', top: 50 }).map((r) => r.id),
      ['b', 'a'],
    );
    assert.deepEqual(
      selectReleases(all, { status: 'WaitingForApproval', top: 1 }).map((r) => r.id),
      ['c'],
    );
  });
});
