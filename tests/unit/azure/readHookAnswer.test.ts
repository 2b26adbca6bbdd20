import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readHookAnswer } from '../../../src/azure/http/readHookAnswer.js';
import { servedDigestOf } from '../../../src/azure/http/servedDigestOf.js';

test('202 is running whatever the body', () => {
  assert.deepEqual(readHookAnswer('e2e', 202, ''), { kind: 'running' });
});

test('passed/failed bodies are results, with the hook detail when given', () => {
  assert.deepEqual(readHookAnswer('e2e', 200, '{"status":"passed"}'), {
    kind: 'result',
    status: 'passed',
    detail: 'hook e2e passed',
  });
  assert.deepEqual(readHookAnswer('migrate', 201, '{"status":"failed","detail":"lock timeout"}'), {
    kind: 'result',
    status: 'failed',
    detail: 'hook migrate failed: lock timeout',
  });
});

test('an unreadable or unexpected 2xx body fails the gate saying what arrived', () => {
  for (const [body, got] of [
    ['', 'an empty body'],
    ['not json', '"not json"'],
    ['{"status":"ok"}', '"{\\"status\\":\\"ok\\"}"'],
  ] as const) {
    const answer = readHookAnswer('scan', 200, body);
    assert.deepEqual(answer, {
      kind: 'result',
      status: 'failed',
      detail: `hook scan answered 200 without {"status":"passed"|"failed"}, got ${got}`,
    });
  }
});

test('servedDigestOf reads digests from image references or bare digests', () => {
  const d = 'sha256:' + 'c'.repeat(64);
  assert.equal(
    servedDigestOf(`pwbiregistry.azurecr.io/pwbi-api@${d.toUpperCase().replace('SHA', 'sha')}`),
    d,
  );
  assert.equal(servedDigestOf(d), d);
  assert.equal(servedDigestOf('pwbiregistry.azurecr.io/pwbi-api:1.0.0'), undefined);
  assert.equal(servedDigestOf(null), undefined);
});

test("a hook's detail reaches status, Slack and audit bounded and printable", () => {
  const answer = readHookAnswer(
    'scan',
    200,
    JSON.stringify({ status: 'failed', detail: '\u0001x'.repeat(5000) }),
  );
  assert.equal(answer.kind, 'result');
  const detail = answer.kind === 'result' ? answer.detail : '';
  assert.ok(detail.length <= 'hook scan failed: '.length + 300, `${detail.length} characters`);
  assert.doesNotMatch(detail, /\p{Cc}/u);
});
