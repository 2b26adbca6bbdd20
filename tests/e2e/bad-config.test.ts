/**
 * A bad pipeline config no longer stops the app's import (it is read before the first
 * invocation, issue 14): the app loads, and every invocation that needs the config, the health
 * route first, answers 503 problem+json naming each bad field. `npm start` asks the health
 * route before it says ready.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../devhost/index.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { issueToken } from '../../src/domain/identity/index.js';
import { appSettingsFor, e2eSigningKey } from './support/appSettings.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';
import { writePipelineConfig } from './support/pipelineConfig.js';

interface ProblemBody {
  type: string;
  status: number;
  detail: string;
  errors: { field: string; expected: string; received: string }[];
}

const badField = 'pipelines[0].stages[0].warmup.successes';

describe('a bad pipeline config', () => {
  let sandbox: Sandbox;
  let host: DevHost;
  before(async () => {
    buildAppOnce();
    const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    sandbox = await startSandbox({ clock, azurite: false });
    const configPath = writePipelineConfig({
      edit: (doc) => {
        const stage: Record<string, unknown> = doc.pipelines[0]!.stages[0]!;
        stage.warmup = { successes: 'many' };
      },
    });
    host = await startDevHost({
      appDir: repoRoot,
      clock,
      strictAuth: true,
      settings: appSettingsFor(sandbox, configPath),
    });
  });
  after(async () => {
    await host?.stop();
    await sandbox?.stop();
  });

  it('lets the app load, and /api/health answers 503 problem+json naming the field', async () => {
    const res = await fetch(`${host.url}/api/health`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as ProblemBody;
    assert.equal(problem.type, 'urn:slotpilot:problem:config');
    assert.ok(
      problem.errors.some((e) => e.field === badField),
      `expected ${badField} among ${JSON.stringify(problem.errors)}`,
    );
    assert.match(problem.detail, /warmup\.successes: expected .*number/);
  });

  it('answers a release start the same way, without starting anything', async () => {
    const token = await issueToken({
      user: 'dev@contoso.com',
      signingKey: e2eSigningKey,
      ttlMs: 3_600_000,
    });
    const res = await fetch(`${host.url}/api/releases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-functions-key': host.functionKey,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ image: `pwbiregistry.azurecr.io/pwbi-api@sha256:${'4f'.repeat(32)}` }),
    });
    assert.equal(res.status, 503);
    const problem = (await res.json()) as ProblemBody;
    assert.ok(
      problem.errors.some((e) => e.field === badField),
      `expected ${badField} among ${JSON.stringify(problem.errors)}`,
    );
    const list = await fetch(`${host.url}/api/releases`, {
      headers: { 'x-functions-key': host.functionKey, authorization: `Bearer ${token}` },
    });
    assert.equal(list.status, 200);
    assert.deepEqual(((await list.json()) as { releases: unknown[] }).releases, []);
  });
});
