import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type Sandbox, SANDBOX_TOKEN, startSandbox } from '../../../sandbox/index.js';

const loginServer = 'pwbiregistry.azurecr.io';

describe('sandbox registry: the ACR data plane for tag lookups', () => {
  let sandbox: Sandbox;
  let origin: string;
  before(async () => {
    sandbox = await startSandbox({ azurite: false, tls: false });
    origin = sandbox.registryEndpoints[loginServer] ?? '';
  });
  after(async () => {
    await sandbox.stop();
  });

  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  /** Walks the exchange as the SDK does and returns an access token for `scope`. */
  async function accessToken(scope: string): Promise<string> {
    const exchanged = await form('/oauth2/exchange', {
      grant_type: 'access_token',
      service: loginServer,
      access_token: SANDBOX_TOKEN,
    });
    assert.equal(exchanged.status, 200);
    const { refresh_token } = (await exchanged.json()) as { refresh_token: string };
    const payload = JSON.parse(
      Buffer.from(refresh_token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { exp: number };
    assert.ok(payload.exp * 1000 > Date.now(), 'the refresh token carries a future exp');
    const token = await form('/oauth2/token', {
      grant_type: 'refresh_token',
      service: loginServer,
      scope,
      refresh_token,
    });
    assert.equal(token.status, 200);
    return ((await token.json()) as { access_token: string }).access_token;
  }

  it('lists its registry endpoint in the ready info', () => {
    assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('challenges an unauthenticated tag read with ACR 401 and WWW-Authenticate', async () => {
    const res = await fetch(`${origin}/acr/v1/pwbi-api/_tags/1.0.0`);
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer realm="https://${loginServer}/oauth2/token",service="${loginServer}",scope="repository:pwbi-api:metadata_read"`,
    );
    const body = (await res.json()) as { errors: { code: string; detail: unknown }[] };
    assert.equal(body.errors[0]?.code, 'UNAUTHORIZED');
    assert.deepEqual(body.errors[0]?.detail, [
      { Type: 'repository', Name: 'pwbi-api', Action: 'metadata_read' },
    ]);
  });

  it('refuses a wrong or missing AAD token and an unknown refresh token', async () => {
    const refusedForms: Record<string, string>[] = [
      { grant_type: 'access_token', service: loginServer, access_token: 'wrong' },
      { grant_type: 'access_token', service: loginServer },
    ];
    for (const fields of refusedForms) {
      const res = await form('/oauth2/exchange', fields);
      assert.equal(res.status, 401);
      const body = (await res.json()) as { errors: { code: string; message: string }[] };
      assert.equal(body.errors[0]?.code, 'UNAUTHORIZED');
    }
    const token = await form('/oauth2/token', {
      grant_type: 'refresh_token',
      service: loginServer,
      scope: 'repository:pwbi-api:metadata_read',
      refresh_token: 'a.b.c',
    });
    assert.equal(token.status, 401);
  });

  it('answers tag properties in ACR shape; a re-push moves the tag', async () => {
    const first = await sandbox.push('pwbi-api:7.0.0', { deliver: 'none' });
    const token = await accessToken('repository:pwbi-api:metadata_read');
    const read = async () => {
      const res = await fetch(`${origin}/acr/v1/pwbi-api/_tags/7.0.0`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      return (await res.json()) as {
        registry: string;
        imageName: string;
        tag: Record<string, unknown>;
      };
    };
    const before = await read();
    assert.equal(before.registry, loginServer);
    assert.equal(before.imageName, 'pwbi-api');
    assert.equal(before.tag.name, '7.0.0');
    assert.equal(before.tag.digest, first.digest);
    assert.equal(before.tag.createdTime, before.tag.lastUpdateTime);
    assert.equal(before.tag.signed, false);
    assert.deepEqual(before.tag.changeableAttributes, {
      deleteEnabled: true,
      writeEnabled: true,
      readEnabled: true,
      listEnabled: true,
    });
    const second = await sandbox.push('pwbi-api:7.0.0', { deliver: 'none' });
    const after = await read();
    assert.equal(after.tag.digest, second.digest);
    assert.equal(after.tag.createdTime, before.tag.createdTime);
  });

  it('answers TAG_UNKNOWN and NAME_UNKNOWN with 404; a token for another repository is challenged', async () => {
    const token = await accessToken('repository:pwbi-api:metadata_read');
    const get = (path: string) =>
      fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const tag = await get('/acr/v1/pwbi-api/_tags/missing');
    assert.equal(tag.status, 404);
    assert.equal(
      ((await tag.json()) as { errors: { code: string }[] }).errors[0]?.code,
      'TAG_UNKNOWN',
    );
    const other = await get('/acr/v1/other/_tags/1');
    assert.equal(other.status, 401);
    assert.match(
      other.headers.get('www-authenticate') ?? '',
      /scope="repository:other:metadata_read"/,
    );
    const otherToken = await accessToken('repository:other:metadata_read');
    const repo = await fetch(`${origin}/acr/v1/other/_tags/1`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    assert.equal(repo.status, 404);
    assert.equal(
      ((await repo.json()) as { errors: { code: string }[] }).errors[0]?.code,
      'NAME_UNKNOWN',
    );
  });

  it('injects faults on the tag read (getTag) and on the token endpoints (acrAuth)', async () => {
    const token = await accessToken('repository:pwbi-api:metadata_read');
    sandbox.injectFault({ op: 'getTag', kind: '429', retryAfterSeconds: 3, times: 1 });
    const throttled = await fetch(`${origin}/acr/v1/pwbi-api/_tags/1.0.0`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '3');
    assert.equal(
      ((await throttled.json()) as { errors: { code: string }[] }).errors[0]?.code,
      'TOOMANYREQUESTS',
    );
    sandbox.injectFault({ op: 'acrAuth', kind: '500', times: 1 });
    const exchange = await form('/oauth2/exchange', {
      grant_type: 'access_token',
      service: loginServer,
      access_token: SANDBOX_TOKEN,
    });
    assert.equal(exchange.status, 500);
  });
});
