import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { verifyEventSeal } from '../../../src/activities/verifyEventSeal.js';
import {
  canonicalJson,
  hasHookCallbackToken,
  hookCallbackToken,
  isSealed,
  sealEvent,
} from '../../../src/domain/identity/index.js';

const key = 'test-signing-key-0123456789abcdef0123456789';
const release = 'pwbi-api-abababababababababab';
const approval = {
  stage: 'staging',
  decision: 'approved',
  by: 'qa-lead@contoso.com',
  at: '2026-01-01T00:00:00.000Z',
  comment: 'ok',
};

describe('sealEvent / isSealed', () => {
  it('seals a payload that then verifies, keeping every field', () => {
    const sealed = sealEvent(release, 'approval', approval, key);
    assert.deepEqual({ ...sealed, seal: undefined }, { ...approval, seal: undefined });
    assert.match(sealed.seal, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(isSealed(release, 'approval', sealed, key), true);
  });

  it('verifies whatever the key order, as after a JSON round trip', () => {
    const sealed = sealEvent(release, 'approval', approval, key);
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(sealed).reverse())),
    ) as unknown;
    assert.equal(isSealed(release, 'approval', reordered, key), true);
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }),
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });

  it('refuses a tampered payload (a forged by, another stage, an added field)', () => {
    const sealed = sealEvent(release, 'approval', approval, key);
    assert.equal(isSealed(release, 'approval', { ...sealed, by: 'mallory@evil.test' }, key), false);
    assert.equal(isSealed(release, 'approval', { ...sealed, stage: 'production' }, key), false);
    assert.equal(isSealed(release, 'approval', { ...sealed, extra: 1 }, key), false);
    const { comment: _comment, ...withoutComment } = sealed;
    assert.equal(isSealed(release, 'approval', withoutComment, key), false);
  });

  it('refuses a seal replayed onto another instance or another event name', () => {
    const sealed = sealEvent(release, 'approval', approval, key);
    assert.equal(isSealed('pwbi-api-cdcdcdcdcdcdcdcdcdcd', 'approval', sealed, key), false);
    assert.equal(isSealed(release, 'cancel', sealed, key), false);
    assert.equal(isSealed(`${release}-monitor`, 'approval', sealed, key), false);
  });

  it('refuses a missing, malformed or foreign seal and anything that is not an object', () => {
    assert.equal(isSealed(release, 'approval', approval, key), false);
    assert.equal(isSealed(release, 'approval', { ...approval, seal: 42 }, key), false);
    assert.equal(isSealed(release, 'approval', { ...approval, seal: 'short' }, key), false);
    assert.equal(isSealed(release, 'approval', { ...approval, seal: 'A'.repeat(43) }, key), false);
    for (const value of [null, undefined, 'text', 3, [approval]]) {
      assert.equal(isSealed(release, 'approval', value, key), false);
    }
  });

  it('refuses a seal made with another key, and verifies nothing with an empty key', () => {
    const sealed = sealEvent(release, 'approval', approval, key);
    assert.equal(isSealed(release, 'approval', sealed, `${key}x`), false);
    assert.equal(isSealed(release, 'approval', sealed, ''), false);
    assert.throws(
      () => sealEvent(release, 'approval', approval, ''),
      /SLOTPILOT_SIGNING_KEY: expected a signing key/,
    );
  });

  it('replaces a seal already present instead of sealing over it', () => {
    const once = sealEvent(release, 'cancel', { by: 'a@b.c', reason: 'r', at: 'x' }, key);
    const twice = sealEvent(release, 'cancel', once, key);
    assert.equal(twice.seal, once.seal);
    assert.equal(isSealed(release, 'cancel', twice, key), true);
  });
});

describe('hook callback tokens', () => {
  const stageId = `${release}-staging`;
  const event = 'hook-staging-migrate';

  it('accepts a callback that echoes the token of its instance and hook only', () => {
    const token = hookCallbackToken(stageId, event, key);
    assert.equal(hasHookCallbackToken(stageId, event, { status: 'passed', token }, key), true);
    assert.equal(hasHookCallbackToken(stageId, event, { status: 'passed' }, key), false);
    assert.equal(
      hasHookCallbackToken(stageId, 'hook-staging-e2e', { status: 'passed', token }, key),
      false,
    );
    assert.equal(
      hasHookCallbackToken(`${release}-production`, event, { status: 'passed', token }, key),
      false,
    );
    assert.equal(hasHookCallbackToken(stageId, event, { status: 'passed', token }, 'other'), false);
  });

  it('gives no token without a key, so no callback verifies', () => {
    assert.equal(hookCallbackToken(stageId, event, ''), '');
    assert.equal(hasHookCallbackToken(stageId, event, { status: 'passed', token: '' }, ''), false);
  });

  it('is what the verifyEventSeal activity checks for hook-* events', () => {
    const token = hookCallbackToken(stageId, event, key);
    const payload = { status: 'failed', token };
    assert.deepEqual(verifyEventSeal(key, { instanceId: stageId, eventName: event, payload }), {
      valid: true,
    });
    const sealedLikeDecision = sealEvent(stageId, event, { status: 'passed' }, key);
    assert.deepEqual(
      verifyEventSeal(key, { instanceId: stageId, eventName: event, payload: sealedLikeDecision }),
      { valid: false },
      'a hook event needs the callback token, not a decision seal',
    );
  });
});
