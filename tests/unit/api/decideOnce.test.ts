import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConflictError } from '../../../src/functions/http/ApiError.js';
import { decideOnce } from '../../../src/functions/releases/decideOnce.js';
import { MemoryClaimStore } from '../support/MemoryClaimStore.js';

const slot = ['rel-1', 'approval', 'staging', '2026-01-05T09:00:00.000Z'];
const claim = (decision: string, by: string) => ({ decision, by, at: '2026-01-05T09:10:00Z' });

describe('decideOnce (compare-and-set decisions)', () => {
  it('lets one of many concurrent decisions apply; the others get 409 naming the winner', async () => {
    const claims = new MemoryClaimStore();
    const applied: string[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        decideOnce(
          claims,
          slot,
          claim(i % 5 === 0 ? 'rejected' : 'approved', `user${i}@contoso.com`),
          'The staging approval of rel-1',
          () => {
            applied.push(`user${i}`);
            return Promise.resolve();
          },
        ),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.deepEqual(applied, ['user0']);
    for (const r of results.slice(1)) {
      assert.ok(r.status === 'rejected' && r.reason instanceof ConflictError);
      assert.match(r.reason.message, /decided already: rejected by user0@contoso\.com/);
      assert.deepEqual(r.reason.extensions['decided'], {
        decision: 'rejected',
        by: 'user0@contoso.com',
        at: '2026-01-05T09:10:00Z',
      });
    }
  });

  it('gives the claim back when applying fails, and when the caller says it changed nothing', async () => {
    const claims = new MemoryClaimStore();
    await assert.rejects(
      decideOnce(claims, slot, claim('approved', 'a@contoso.com'), 's', () =>
        Promise.reject(new Error('durable store unreachable')),
      ),
      /unreachable/,
    );
    const giveBack = await decideOnce(claims, slot, claim('approved', 'b@contoso.com'), 's', () =>
      Promise.resolve(),
    );
    await giveBack();
    await decideOnce(claims, slot, claim('approved', 'c@contoso.com'), 's', () =>
      Promise.resolve(),
    );
    assert.equal([...claims.records.values()][0]?.['by'], 'c@contoso.com');
  });
});
