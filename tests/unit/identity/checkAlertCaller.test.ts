import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { checkAlertCaller } from '../../../src/domain/identity/checkAlertCaller.js';

const principal = (claims: Record<string, string>) =>
  Buffer.from(
    JSON.stringify({ claims: Object.entries(claims).map(([typ, val]) => ({ typ, val })) }),
  ).toString('base64');
const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe('checkAlertCaller', () => {
  it('accepts the function key alone when no secure webhook is configured, whoever the user', () => {
    const got = checkAlertCaller(headers({ authorization: 'Bearer user-token' }), {
      platformAuthEnabled: false,
    });
    assert.equal(got.kind, 'accepted');
  });

  const secure = { audience: 'api://slotpilot', appId: 'app-1', platformAuthEnabled: true };

  it('with a secure webhook, checks the token audience and app id from the platform principal', () => {
    const ok = principal({ aud: 'api://slotpilot', appid: 'APP-1' });
    assert.equal(
      checkAlertCaller(headers({ 'x-ms-client-principal': ok }), secure).kind,
      'accepted',
    );
    const azp = principal({ aud: 'api://slotpilot', azp: 'app-1' });
    assert.equal(
      checkAlertCaller(headers({ 'x-ms-client-principal': azp }), secure).kind,
      'accepted',
    );
  });

  it('refuses a user, another audience, another app, or a principal the platform did not vouch for', () => {
    const user = principal({ aud: 'api://slotpilot', preferred_username: 'eng-lead@contoso.com' });
    const otherAud = principal({ aud: 'api://other', appid: 'app-1' });
    const otherApp = principal({ aud: 'api://slotpilot', appid: 'app-2' });
    for (const p of [user, otherAud, otherApp]) {
      assert.equal(
        checkAlertCaller(headers({ 'x-ms-client-principal': p }), secure).kind,
        'refused',
      );
    }
    const ok = principal({ aud: 'api://slotpilot', appid: 'app-1' });
    const untrusted = { ...secure, platformAuthEnabled: false };
    assert.equal(
      checkAlertCaller(headers({ 'x-ms-client-principal': ok }), untrusted).kind,
      'refused',
    );
    assert.equal(checkAlertCaller(headers({}), secure).kind, 'refused');
  });
});
