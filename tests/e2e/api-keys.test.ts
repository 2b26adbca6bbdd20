import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../devhost/index.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { appSettingsFor } from './support/appSettings.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';
import { writePipelineConfig } from './support/pipelineConfig.js';

describe('api: function keys (strict dev host) and App Service Authentication principals', () => {
  let sandbox: Sandbox;
  let host: DevHost;
  before(async () => {
    buildAppOnce();
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    sandbox = await startSandbox({ clock, azurite: false });
    host = await startDevHost({
      appDir: repoRoot,
      clock,
      strictAuth: true,
      // As on Azure with App Service Authentication in front of the app.
      settings: { ...appSettingsFor(sandbox, writePipelineConfig()), WEBSITE_AUTH_ENABLED: 'true' },
    });
  });
  after(async () => {
    await host?.stop();
    await sandbox?.stop();
  });

  const get = async (route: string, headers: Record<string, string> = {}): Promise<number> => {
    const res = await fetch(`${host.url}${route}`, { headers });
    await res.arrayBuffer();
    return res.status;
  };

  it('answers /api/health without a key', async () => {
    assert.equal(await get('/api/health'), 200);
  });

  it('refuses API routes without a key and serves them with one', async () => {
    for (const route of ['/api/releases', '/api/releases/x', '/api/pipelines/pwbi-api/slots']) {
      assert.equal(await get(route), 401, route);
    }
    assert.equal(await get('/api/releases', { 'x-functions-key': host.functionKey }), 200);
    assert.equal(await get(`/api/releases?code=${host.functionKey}`), 200);
  });

  it('trusts x-ms-client-principal when platform auth is enabled', async () => {
    const principal = Buffer.from(
      JSON.stringify({
        auth_typ: 'aad',
        claims: [{ typ: 'preferred_username', val: 'qa-lead@contoso.com' }],
      }),
    ).toString('base64');
    const approve = async (headers: Record<string, string>): Promise<number> => {
      const res = await fetch(`${host.url}/api/releases/pwbi-api-00000000000000000000/approve`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-functions-key': host.functionKey,
          ...headers,
        },
        body: JSON.stringify({ stage: 'staging' }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    assert.equal(await approve({}), 401);
    assert.equal(
      await approve({ 'x-ms-client-principal': principal }),
      404,
      'identity accepted; no such release',
    );
    assert.equal(
      await approve({ 'x-ms-client-principal': Buffer.from('{}').toString('base64') }),
      401,
    );
  });
});
