import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';

import { NonRetryableError, RetryAfterError, ValidationError } from '../../../src/domain/errors.js';
import { decodeActivityFailure, encodeActivityFailure } from '../../../src/domain/release/index.js';

const asHostReports = (name: string, error: unknown) =>
  new Error(
    `Activity function '${name}' failed: ${encodeActivityFailure(error)} \n {"Message":"…"}`,
  );

describe('activity failures', () => {
  it('carry the retry advice across the durable boundary', () => {
    assert.deepEqual(
      decodeActivityFailure(asHostReports('a', new RetryAfterError('429', 12_000))),
      {
        kind: 'retryable',
        retryAfterMs: 12_000,
        message: '429',
      },
    );
    assert.deepEqual(decodeActivityFailure(asHostReports('a', new NonRetryableError('404 site'))), {
      kind: 'nonRetryable',
      message: '404 site',
    });
    assert.equal(
      decodeActivityFailure(asHostReports('a', new ValidationError('image', 'x', 'y'))).kind,
      'nonRetryable',
    );
    assert.deepEqual(decodeActivityFailure(asHostReports('a', new Error('socket hang up'))), {
      kind: 'retryable',
      message: 'socket hang up',
    });
  });

  it('treats a failure without advice as retryable and strips the host wrapping', () => {
    assert.deepEqual(decodeActivityFailure(new Error("Activity function 'x' failed: boom \n {}")), {
      kind: 'retryable',
      message: 'boom',
    });
  });

  it('keeps the first line only: the real host appends the stack, which must not reach status', () => {
    const encoded = encodeActivityFailure(new NonRetryableError('deployImage: 409 Conflict'));
    const onAzure = new Error(
      `Activity function 'deployImage' failed: ${encoded}\nStack: NonRetryableError: deployImage\n    at AppServiceAdapter.deployImage (/home/site/wwwroot/dist/x.js:1:1) \n {}`,
    );
    assert.deepEqual(decodeActivityFailure(onAzure), {
      kind: 'nonRetryable',
      message: 'deployImage: 409 Conflict',
    });
    const unmarked = new Error(
      "Activity function 'x' failed: Result: Failure\nException: boom\nStack: at y (z.js:1:1)",
    );
    assert.equal(decodeActivityFailure(unmarked).message, 'boom');
  });
});

test('a failure keeps one bounded line, whatever an SDK or hook put on it', () => {
  const message = `${'boom '.repeat(2000)}\n    at stack (file.js:1:1)`;
  const failure = decodeActivityFailure(new Error(message));
  assert.ok(failure.message.length <= 500, `${failure.message.length} characters`);
  assert.ok(failure.message.startsWith('boom boom'));
  assert.doesNotMatch(failure.message, /stack/);
});
