import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RestError } from '@azure/core-rest-pipeline';

import { AzureRequestError } from '../../../src/azure/errors/AzureRequestError.js';
import { mapAzureError } from '../../../src/azure/errors/mapAzureError.js';
import { DEFAULT_RETRY_AFTER_MS, retryAfterMs } from '../../../src/azure/errors/retryAfterMs.js';
import { NonRetryableError, RetryAfterError } from '../../../src/domain/errors.js';

function restError(
  statusCode: number | undefined,
  code: string,
  headers: Record<string, string> = {},
): RestError {
  const err = new RestError(`message for ${code}`, {
    code,
    ...(statusCode === undefined ? {} : { statusCode }),
  });
  Object.defineProperty(err, 'response', {
    value: { status: statusCode, headers: { get: (n: string) => headers[n.toLowerCase()] } },
  });
  return err;
}

test('429 and 503 become RetryAfterError with the Retry-After delay', () => {
  const throttled = mapAzureError(
    restError(429, 'TooManyRequests', { 'retry-after': '12' }),
    'get x',
  );
  assert.ok(throttled instanceof RetryAfterError);
  assert.equal(throttled.afterMs, 12_000);
  assert.match(throttled.message, /^get x: 429 TooManyRequests/);
  const unavailable = mapAzureError(
    restError(503, 'ServiceUnavailable', { 'retry-after-ms': '250' }),
    'op',
  );
  assert.ok(unavailable instanceof RetryAfterError);
  assert.equal(unavailable.afterMs, 250);
});

test('400, 404 and 409 become non-retryable AzureRequestError with status, code and message', () => {
  for (const [status, code] of [
    [400, 'BadRequest'],
    [404, 'ResourceNotFound'],
    [409, 'Conflict'],
  ] as const) {
    const mapped = mapAzureError(restError(status, code), 'swap a/b');
    assert.ok(mapped instanceof AzureRequestError);
    assert.ok(mapped instanceof NonRetryableError);
    assert.equal(mapped.statusCode, status);
    assert.equal(mapped.code, code);
    assert.equal(mapped.message, `swap a/b: ${status} ${code}: message for ${code}`);
    assert.ok(mapped.cause instanceof RestError);
  }
});

test('409 "operation in progress" (another operation runs on the site) is retryable', () => {
  const err = new RestError(
    'Cannot modify this site because another operation is in progress. Details: OperationName: SwapSiteSlots',
    { code: 'Conflict', statusCode: 409 },
  );
  const mapped = mapAzureError(err, 'deployImage a/b');
  assert.ok(mapped instanceof RetryAfterError);
  assert.equal(mapped.afterMs, DEFAULT_RETRY_AFTER_MS);
});

test('500/502/504 and unreachable services are retryable with the default delay; 501 is not', () => {
  for (const status of [500, 502, 504, 408]) {
    const mapped = mapAzureError(restError(status, 'X'), 'op');
    assert.ok(mapped instanceof RetryAfterError, String(status));
    assert.equal(mapped.afterMs, DEFAULT_RETRY_AFTER_MS);
  }
  const network = mapAzureError(restError(undefined, 'REQUEST_SEND_ERROR'), 'op');
  assert.ok(network instanceof RetryAfterError);
  assert.match(network.message, /could not be reached \(REQUEST_SEND_ERROR\)/);
  assert.ok(mapAzureError(restError(501, 'NotImplemented'), 'op') instanceof AzureRequestError);
});

test('errors that are not RestErrors pass through unchanged', () => {
  const plain = new TypeError('boom');
  assert.equal(mapAzureError(plain, 'op'), plain);
  assert.equal(mapAzureError('text', 'op'), 'text');
});

test('storage error codes come from details.errorCode', () => {
  const err = restError(409, '');
  err.details = { errorCode: 'BlobAlreadyExists' };
  const mapped = mapAzureError(err, 'op');
  assert.ok(mapped instanceof AzureRequestError);
  assert.equal(mapped.code, 'BlobAlreadyExists');
});

test('retryAfterMs reads seconds, HTTP dates and ms headers, never negative', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const h = (headers: Record<string, string>) => (n: string) => headers[n];
  assert.equal(retryAfterMs(h({ 'retry-after': '3' }), now), 3000);
  assert.equal(retryAfterMs(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now), 10_000);
  assert.equal(retryAfterMs(h({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }), now), 0);
  assert.equal(retryAfterMs(h({ 'x-ms-retry-after-ms': '1500', 'retry-after': '9' }), now), 1500);
  assert.equal(retryAfterMs(h({ 'retry-after': 'soon' }), now), DEFAULT_RETRY_AFTER_MS);
  assert.equal(retryAfterMs(h({}), now), DEFAULT_RETRY_AFTER_MS);
});

test('an untrusted TLS certificate is a non-retryable configuration error', () => {
  const mapped = mapAzureError(restError(undefined, 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'getSlot a/b');
  assert.ok(mapped instanceof AzureRequestError);
  assert.equal(mapped.statusCode, 0);
  assert.match(mapped.message, /TLS certificate is not trusted .*SLOTPILOT_CA_CERT/);
});

test('an aborted request (the client request timeout) is retryable', () => {
  const abort = new Error('The operation was aborted.');
  abort.name = 'AbortError';
  const mapped = mapAzureError(abort, 'getSlot a/b');
  assert.ok(mapped instanceof RetryAfterError);
  assert.equal(mapped.cause, abort);
});
