import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  defaultRetry,
  deployRetry,
  lookRetry,
  mayRetry,
  retryBudgetMs,
  retryDelayMs,
  untilDeadline,
} from '../../../src/orchestrators/calls/RetryPolicy.js';

describe('retries bounded by a step’s deadline', () => {
  it('a deploy retries for its 10 minutes whatever the number of attempts', () => {
    assert.equal(retryBudgetMs(deployRetry), 600_000);
    assert.equal(retryBudgetMs(defaultRetry), 30_000, 'other calls keep about half a minute');
    assert.ok(mayRetry(deployRetry, 40, 500_000, 30_000));
    assert.ok(!mayRetry(deployRetry, 3, 590_000, 30_000), 'a wait past the deadline is not made');
  });

  it('honours a Retry-After longer than the backoff, and the backoff when it is shorter', () => {
    const policy = untilDeadline(60_000);
    assert.equal(retryDelayMs(policy, 1, 20_000), 20_000);
    assert.equal(retryDelayMs(policy, 4, 1_000), 16_000);
    assert.equal(retryDelayMs(defaultRetry, 4, 2_000), 2_000, 'the default keeps the asked delay');
  });

  it('a look inside a wait retries until the wait ends, and at least half a minute', () => {
    assert.equal(lookRetry(120_000).budgetMs, 120_000);
    assert.equal(lookRetry(1_000).budgetMs, 30_000);
  });
});
