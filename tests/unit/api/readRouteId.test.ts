import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BadRequestError, NotFoundError } from '../../../src/functions/http/ApiError.js';
import { readReleaseId, readRouteId } from '../../../src/functions/http/readRouteId.js';

describe('readRouteId / readReleaseId', () => {
  it('accepts release ids and pipeline names', () => {
    assert.equal(
      readReleaseId({ id: 'pwbi-api-3f2a9c1b7d4e5f60a1b2' }),
      'pwbi-api-3f2a9c1b7d4e5f60a1b2',
    );
    assert.equal(readRouteId({ name: 'pwbi-api' }, 'name'), 'pwbi-api');
  });

  it('refuses control characters, separators and overlong ids with a 400 naming the field', () => {
    for (const id of ['\u0000', 'a\nb', 'a/b', 'a b', '', 'x'.repeat(129)]) {
      assert.throws(
        () => readReleaseId({ id }),
        (e: unknown) =>
          e instanceof BadRequestError &&
          (e.extensions.errors as { field: string }[])[0]?.field === 'id',
        JSON.stringify(id),
      );
    }
  });

  it('answers 404 for a well-formed id no release can have', () => {
    assert.throws(() => readReleaseId({ id: 'pwbi-api-nope' }), NotFoundError);
  });
});
