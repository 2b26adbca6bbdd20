import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  issueToken,
  parseClientPrincipal,
  resolveIdentity,
} from '../../../src/domain/identity/index.js';

const key = 'test-signing-key-0123456789abcdef0123456789';

function principalHeader(claims: { typ: string; val: string }[], nameTyp?: string): string {
  return Buffer.from(
    JSON.stringify({ auth_typ: 'aad', claims, ...(nameTyp ? { name_typ: nameTyp } : {}) }),
  ).toString('base64');
}

function headers(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name.toLowerCase()];
}

describe('parseClientPrincipal', () => {
  it('reads the email from preferred_username, email or upn claims', () => {
    assert.equal(
      parseClientPrincipal(
        principalHeader([{ typ: 'preferred_username', val: 'Eng-Lead@contoso.com' }]),
      ),
      'eng-lead@contoso.com',
    );
    assert.equal(
      parseClientPrincipal(
        principalHeader([
          { typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn', val: 'x@y.com' },
        ]),
      ),
      'x@y.com',
    );
    assert.equal(
      parseClientPrincipal(
        principalHeader([{ typ: 'custom_name', val: 'z@y.com' }], 'custom_name'),
      ),
      'z@y.com',
    );
  });

  it('returns undefined for unreadable headers or no email claim', () => {
    assert.equal(parseClientPrincipal('%%%not base64 json'), undefined);
    assert.equal(parseClientPrincipal(principalHeader([{ typ: 'name', val: 'Alice' }])), undefined);
  });
});

describe('resolveIdentity', () => {
  const forged = principalHeader([{ typ: 'email', val: 'eng-lead@contoso.com' }]);

  it('trusts the platform principal when App Service Authentication is enabled', async () => {
    const outcome = await resolveIdentity(headers({ 'x-ms-client-principal': forged }), {
      platformAuthEnabled: true,
      signingKey: key,
    });
    assert.deepEqual(outcome, {
      kind: 'authenticated',
      principal: { email: 'eng-lead@contoso.com', via: 'platform' },
    });
  });

  it('ignores a principal header while platform auth is off: no token means missing', async () => {
    const outcome = await resolveIdentity(headers({ 'x-ms-client-principal': forged }), {
      platformAuthEnabled: false,
      signingKey: key,
    });
    assert.deepEqual(outcome, { kind: 'missing' });
  });

  it('falls back to the bearer token when platform auth is off', async () => {
    const token = await issueToken({ user: 'qa-lead@contoso.com', signingKey: key, ttlMs: 60_000 });
    const outcome = await resolveIdentity(
      headers({ 'x-ms-client-principal': forged, authorization: `Bearer ${token}` }),
      { platformAuthEnabled: false, signingKey: key },
    );
    assert.deepEqual(outcome, {
      kind: 'authenticated',
      principal: { email: 'qa-lead@contoso.com', via: 'token' },
    });
  });

  it('reports a malformed Authorization header or a bad token as invalid', async () => {
    assert.equal(
      (
        await resolveIdentity(headers({ authorization: 'Basic abc' }), {
          platformAuthEnabled: false,
          signingKey: key,
        })
      ).kind,
      'invalid',
    );
    assert.equal(
      (
        await resolveIdentity(headers({ authorization: 'Bearer abc.def.ghi' }), {
          platformAuthEnabled: false,
          signingKey: key,
        })
      ).kind,
      'invalid',
    );
  });

  it('reports a trusted principal without an email claim as invalid', async () => {
    const outcome = await resolveIdentity(
      headers({ 'x-ms-client-principal': principalHeader([]) }),
      { platformAuthEnabled: true, signingKey: key },
    );
    assert.equal(outcome.kind, 'invalid');
  });
});
