import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { identityLabel, readAuthMe } from '../../../web/src/identityLabel.js';
import { refreshIntervalMs } from '../../../web/src/refresh.js';
import { listPath, parseRoute, routeHash } from '../../../web/src/route.js';
import { tokenUser } from '../../../web/src/token.js';

describe('console routes, refresh interval and token subject', () => {
  it('reads deep links to a release, the slots of a pipeline and list filters', () => {
    assert.deepEqual(parseRoute('#/releases/pwbi-api-1a2b'), {
      view: 'release',
      id: 'pwbi-api-1a2b',
    });
    assert.deepEqual(parseRoute('#/slots/pwbi-api'), { view: 'slots', pipeline: 'pwbi-api' });
    assert.deepEqual(parseRoute('#/releases?pipeline=pwbi-api&status=Running'), {
      view: 'list',
      pipeline: 'pwbi-api',
      status: 'Running',
    });
    assert.deepEqual(parseRoute(''), { view: 'list' });
    assert.deepEqual(parseRoute('#/nowhere'), { view: 'list' });
    assert.deepEqual(parseRoute('#/releases/%E0%A4%A'), { view: 'release', id: '%E0%A4%A' });
  });

  it('writes hashes that read back as the same route', () => {
    for (const route of [
      { view: 'release', id: 'a b/c' },
      { view: 'slots', pipeline: 'pwbi-api' },
      { view: 'list' },
      { view: 'list', status: 'RolledBack' },
    ] as const) {
      assert.deepEqual(parseRoute(routeHash(route)), route);
    }
    assert.equal(listPath({}), '/api/releases');
    assert.equal(
      listPath({ pipeline: 'pwbi-api', status: 'Running' }),
      '/api/releases?pipeline=pwbi-api&status=Running',
    );
  });

  it('clamps the refresh interval and defaults to 5 s', () => {
    assert.equal(refreshIntervalMs(''), 5000);
    assert.equal(refreshIntervalMs('?refreshMs=2000'), 2000);
    assert.equal(refreshIntervalMs('?refreshMs=10'), 500);
    assert.equal(refreshIntervalMs('?refreshMs=999999'), 60_000);
    assert.equal(refreshIntervalMs('?refreshMs=fast'), 5000);
  });

  it('labels a token with its subject without checking it, and nothing for junk', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'qa-lead@contoso.com', exp: 1 })).toString(
      'base64url',
    );
    assert.equal(tokenUser(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`), 'qa-lead@contoso.com');
    assert.equal(tokenUser('not a token'), undefined);
    assert.equal(tokenUser('a.%%%.c'), undefined);
    const noSub = Buffer.from('{"iss":"x"}').toString('base64url');
    assert.equal(tokenUser(`h.${noSub}.s`), undefined);
  });
});

describe('console identity label', () => {
  const token = `h.${Buffer.from('{"sub":"eng-lead@contoso.com"}').toString('base64url')}.s`;

  it('names the token user, the platform user, or what is missing', () => {
    assert.equal(
      identityLabel({ token, platformAuth: true, platformUser: 'x' }),
      'token for eng-lead@contoso.com',
    );
    assert.equal(
      identityLabel({ token: 'junk', platformAuth: false }),
      'token (unreadable payload)',
    );
    assert.equal(
      identityLabel({ token: '', platformAuth: true, platformUser: 'qa@contoso.com' }),
      'signed in as qa@contoso.com',
    );
    assert.equal(
      identityLabel({ token: '', platformAuth: true }),
      'signed in through App Service Authentication',
    );
    assert.match(identityLabel({ token: '', platformAuth: false }), /^function key only/);
  });

  it('reads the user of an App Service Authentication /.auth/me answer', () => {
    assert.equal(
      readAuthMe([{ user_id: 'qa@contoso.com', provider_name: 'aad' }]),
      'qa@contoso.com',
    );
    assert.equal(readAuthMe([]), undefined);
    assert.equal(readAuthMe({ user_id: 'x' }), undefined);
    assert.equal(readAuthMe([{ user_id: '' }]), undefined);
  });
});
