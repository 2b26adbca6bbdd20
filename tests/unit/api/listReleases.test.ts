import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValidationError } from '../../../src/domain/errors.js';
import {
  parseListQuery,
  type ReleaseSummary,
  selectReleases,
} from '../../../src/domain/view/index.js';

const query = (params: Record<string, string>) => (name: string) => params[name] ?? null;
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
    assert.deepEqual(parseListQuery(query({})), { top: 50 });
    assert.deepEqual(parseListQuery(query({ pipeline: 'pwbi-api', status: 'Running', top: '5' })), {
      pipeline: 'pwbi-api',
      status: 'Running',
      top: 5,
    });
  });

  it('names the bad parameter', () => {
    for (const [params, field] of [
      [{ status: 'Done' }, 'status'],
      [{ top: '0' }, 'top'],
      [{ top: '2.5' }, 'top'],
      [{ top: '1001' }, 'top'],
      [{ top: 'ten' }, 'top'],
      [{ pipeline: '' }, 'pipeline'],
    ] as const) {
      assert.throws(
        () => parseListQuery(query(params)),
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
