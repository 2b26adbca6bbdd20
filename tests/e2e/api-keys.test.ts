import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../devhost/index.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { appSettingsFor } from './support/appSettings.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';
import { writePipelineConfig } from './support/pipelineConfig.js';

describe('api: function keys protect every route but /api/health (strict dev host)', () => {
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
      settings: appSettingsFor(sandbox, writePipelineConfig()),
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
});
