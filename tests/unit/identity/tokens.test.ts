import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decodeJwt } from 'jose';

import { ValidationError } from '../../../src/domain/errors.js';
import { issueToken, verifyToken } from '../../../src/domain/identity/index.js';

const key = 'test-signing-key-0123456789abcdef0123456789';
const t0 = Date.parse('2026-01-01T00:00:00Z');

describe('bearer tokens', () => {
  it('issues an HS256 token with sub, iss, iat and exp that verifies', async () => {
    const token = await issueToken({
      user: 'QA-Lead@Contoso.com',
      signingKey: key,
      ttlMs: 3_600_000,
      nowMs: t0,
    });
    const claims = decodeJwt(token);
    assert.equal(claims.sub, 'qa-lead@contoso.com');
    assert.equal(claims.iss, 'slotpilot');
    assert.equal(claims.iat, t0 / 1000);
    assert.equal(claims.exp, t0 / 1000 + 3600);
    assert.deepEqual(await verifyToken(token, key, t0 + 1000), {
      kind: 'authenticated',
      principal: { email: 'qa-lead@contoso.com', via: 'token' },
    });
  });

  it('rejects an expired token', async () => {
    const token = await issueToken({ user: 'a@b.com', signingKey: key, ttlMs: 60_000, nowMs: t0 });
    assert.deepEqual(await verifyToken(token, key, t0 + 120_000), {
      kind: 'invalid',
      reason: 'token expired',
    });
  });

  it('rejects a token signed with another key', async () => {
    const token = await issueToken({
      user: 'a@b.com',
      signingKey: 'another-key-0123456789abcdef0123',
      ttlMs: 60_000,
      nowMs: t0,
    });
    assert.deepEqual(await verifyToken(token, key, t0), {
      kind: 'invalid',
      reason: 'token signature is invalid',
    });
  });

  it('rejects garbage and tokens when no key is configured', async () => {
    assert.equal((await verifyToken('not.a.jwt', key, t0)).kind, 'invalid');
    const token = await issueToken({ user: 'a@b.com', signingKey: key, ttlMs: 60_000, nowMs: t0 });
    assert.deepEqual(await verifyToken(token, '', t0), {
      kind: 'invalid',
      reason: 'bearer tokens are not configured',
    });
  });

  it('refuses to issue for a user that is not an email, naming the field', async () => {
    await assert.rejects(
      issueToken({ user: 'bob', signingKey: key, ttlMs: 60_000 }),
      (e: unknown) => e instanceof ValidationError && e.field === 'user',
    );
    await assert.rejects(
      issueToken({ user: 'a@b.com', signingKey: '', ttlMs: 60_000 }),
      (e: unknown) => e instanceof ValidationError && e.field === 'SLOTPILOT_SIGNING_KEY',
    );
  });
});
