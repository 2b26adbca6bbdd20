import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { app } from '@azure/functions';

import { type DevHost, startDevHost } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

describe('HTTP triggers (keys not enforced, as Core Tools by default)', () => {
  let host: DevHost;
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir });
  });
  after(async () => {
    await host.stop();
  });

  it('serves a route template with an optional parameter, query and app settings', async () => {
    const res = await fetch(`${host.url}/api/hello/bob?q=1`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { greeting: 'hello', name: 'bob', q: '1' });
    const bare = await fetch(`${host.url}/api/hello`);
    assert.deepEqual(await bare.json(), { greeting: 'hello', name: null, q: null });
  });

  it('matches the route prefix and literals case-insensitively', async () => {
    const res = await fetch(`${host.url}/API/Hello/ann`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { name: string }).name, 'ann');
  });

  it('applies route constraints', async () => {
    assert.deepEqual(await (await fetch(`${host.url}/api/items/12`)).json(), { id: 12 });
    assert.equal((await fetch(`${host.url}/api/items/abc`)).status, 404);
  });

  it('passes the body, status and headers through the production conversions', async () => {
    const res = await post(host.url, '/api/echo', 'plain text', { 'content-type': 'text/plain' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-echo'), 'yes');
    assert.equal(await res.text(), 'plain text');
  });

  it('answers 204 with no body when the function returns nothing (Functions 2.x+ default)', async () => {
    const res = await post(host.url, '/api/noReturn', {});
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
  });

  it('answers an unregistered method with the host’s empty 404 (not 405)', async () => {
    const res = await post(host.url, '/api/hello/bob', {});
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '');
  });

  it('answers an unknown route with an empty 404', async () => {
    const res = await fetch(`${host.url}/api/nothing/here`);
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '');
  });

  it('turns a throwing function into an empty 500 and keeps serving', async () => {
    const res = await fetch(`${host.url}/api/boom`);
    assert.equal(res.status, 500);
    assert.equal(await res.text(), '');
    assert.equal((await fetch(`${host.url}/api/hello`)).status, 200);
  });

  it('does not enforce keys by default', async () => {
    assert.equal((await fetch(`${host.url}/api/secure`)).status, 200);
    assert.equal((await fetch(`${host.url}/api/adminOnly`)).status, 200);
  });

  it('ran the appStart hook before serving', () => {
    assert.equal(process.env['FIXTURE_APP_STARTED'], 'yes');
  });

  it('runs preInvocation and postInvocation hooks around the function', async () => {
    await fetch(`${host.url}/api/hooked`);
    const res = await fetch(`${host.url}/api/hooked`);
    // The response body is serialized after the postInvocation hooks, as the worker does.
    const second = ['pre:hooked', 'handler', 'post:hooked:200'];
    assert.deepEqual(await res.json(), [...second, ...second]);
  });

  it('refuses a second, different app in the same process (ESM modules cannot be unloaded)', async () => {
    await assert.rejects(
      startDevHost({ appDir: path.join(fixtureAppDir, 'unsupported') }),
      /this process already loaded .*devhost-app.* \(one app per process\)/,
    );
  });

  it('refuses registrations after start-up', () => {
    assert.throws(
      () => app.http('late', { handler: () => ({ body: 'late' }) }),
      /can only be registered during app startup/,
    );
  });
});

describe('HTTP triggers with --strict-auth (second host reusing the loaded app)', () => {
  let host: DevHost;
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, strictAuth: true });
  });
  after(async () => {
    await host.stop();
  });

  it('ran the appTerminate hook when the first host stopped', () => {
    assert.equal(process.env['FIXTURE_APP_TERMINATED'], 'yes');
  });

  it('answers a function-level route without a key with an empty 401', async () => {
    const res = await fetch(`${host.url}/api/secure`);
    assert.equal(res.status, 401);
    assert.equal(await res.text(), '');
  });

  it('accepts the function key as code= or x-functions-key, and the master key', async () => {
    assert.equal((await fetch(`${host.url}/api/secure?code=fixture-function-key`)).status, 200);
    const byHeader = await fetch(`${host.url}/api/secure`, {
      headers: { 'x-functions-key': 'fixture-function-key' },
    });
    assert.equal(byHeader.status, 200);
    assert.equal((await fetch(`${host.url}/api/secure?code=${host.functionKey}`)).status, 200);
    assert.equal((await fetch(`${host.url}/api/secure?code=wrong`)).status, 401);
  });

  it("accepts a function's own key on that function's routes only", async () => {
    const own = host.functionKeyOf('secure');
    assert.notEqual(own, host.functionKey);
    assert.equal((await fetch(`${host.url}/api/secure?code=${own}`)).status, 200);
    assert.equal((await fetch(`${host.url}/api/secureToo?code=${own}`)).status, 401);
    assert.equal((await fetch(`${host.url}/api/adminOnly?code=${own}`)).status, 401);
    const theirs = host.functionKeyOf('secureToo');
    assert.equal((await fetch(`${host.url}/api/secureToo?code=${theirs}`)).status, 200);
  });

  it('requires the master key on admin-level routes', async () => {
    assert.equal((await fetch(`${host.url}/api/adminOnly?code=fixture-function-key`)).status, 401);
    assert.equal((await fetch(`${host.url}/api/adminOnly?code=fixture-master-key`)).status, 200);
  });

  it('keeps anonymous routes open', async () => {
    assert.equal((await fetch(`${host.url}/api/hello`)).status, 200);
  });

  it('protects the durable webhook and the loopback RPC mount alike (no side door)', async () => {
    for (const mount of ['/runtime/webhooks/durabletask', '/durabletask']) {
      assert.equal((await fetch(`${host.url}${mount}/instances/x`)).status, 401, mount);
      const wrong = await fetch(`${host.url}${mount}/instances/x?code=fixture-function-key`);
      assert.equal(wrong.status, 401, `${mount}: a function key is not the system key`);
      const keyed = await fetch(`${host.url}${mount}/instances/x?code=${host.functionKey}`);
      assert.equal(keyed.status, 404, mount);
    }
    // The app's own durable client reaches the mount with the key as Basic credentials.
    const basic = Buffer.from(`system:${host.functionKey}`).toString('base64');
    const viaClient = await fetch(`${host.url}/durabletask/instances/x`, {
      headers: { authorization: `Basic ${basic}` },
    });
    assert.equal(viaClient.status, 404);
  });

  it('puts the key into the check-status URLs it generates', async () => {
    const res = await post(host.url, '/api/start/WaitForApproval/strict-1');
    assert.equal(res.status, 202);
    const body = (await res.json()) as { statusQueryGetUri: string };
    assert.match(body.statusQueryGetUri, /code=fixture-master-key/);
    assert.equal((await fetch(body.statusQueryGetUri)).status, 202);
  });
});
