/**
 * `npm start` with a bad pipeline config stops before it says ready, naming each bad field:
 * the app reads its config on the first invocation, not at import, so start asks /api/health.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { buildAppOnce, repoRoot } from './support/buildApp.js';

const run = promisify(execFile);

test('npm start with a bad slotpilot.yaml exits 1 before "ready", naming each bad field', async () => {
  buildAppOnce();
  const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-bad-start-'));
  const config = path.join(dir, 'slotpilot.yaml');
  writeFileSync(config, 'pipelines:\n  - name: pwbi-api\n');
  const runtimeFile = path.join(dir, 'runtime.json');
  const failed = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--port', '0', '--db', path.join(dir, 'host.db')],
    {
      cwd: repoRoot,
      env: { ...process.env, SLOTPILOT_CONFIG: config, SLOTPILOT_RUNTIME_FILE: runtimeFile },
      // A start that wrongly says ready keeps running: stop it so that the assertions report it.
      timeout: 180_000,
      killSignal: 'SIGTERM',
    },
  ).then(
    () => assert.fail('npm start succeeded with a bad config'),
    (error: { code?: number; stdout: string; stderr: string }) => error,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /Slotpilot failed to start: .*slotpilot\.yaml is invalid/);
  assert.match(failed.stderr, /pipelines\[0\]\.source: expected/);
  assert.match(failed.stderr, /pipelines\[0\]\.stages: expected/);
  assert.doesNotMatch(failed.stdout, /ready/);
  assert.equal(existsSync(runtimeFile), false, 'no runtime file for a host that never was ready');
});
