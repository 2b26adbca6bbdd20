import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  defaultRetry,
  retryBudgetMs,
  retryDelayMs,
  verifyRetry,
} from '../../../src/orchestrators/calls/RetryPolicy.js';

describe('the retry policy of a start’s input check', () => {
  it('spans about ten minutes of backoff, where other activities get about half a minute', () => {
    assert.equal(retryBudgetMs(verifyRetry), 602_000);
    assert.equal(retryBudgetMs(defaultRetry), 30_000);
  });

  it('a storage error asking for 2 s still waits the backoff (so the budget is not spent in 30 s)', () => {
    assert.equal(retryDelayMs(verifyRetry, 1, 2_000), 2_000);
    assert.equal(retryDelayMs(verifyRetry, 4, 2_000), 16_000);
    assert.equal(retryDelayMs(verifyRetry, 10, 2_000), 60_000);
    assert.equal(retryDelayMs(verifyRetry, 2, 90_000), 90_000, 'a longer Retry-After is kept');
  });

  it('other policies keep the delay the activity asked for', () => {
    assert.equal(retryDelayMs(defaultRetry, 4, 2_000), 2_000);
    assert.equal(retryDelayMs(defaultRetry, 4), 16_000);
  });
});
