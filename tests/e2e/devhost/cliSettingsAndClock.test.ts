// `npm run devhost` settings and clock options (rehearsal tooling): environment variables win
// over local.settings.json Values as with Core Tools ("Skipping '<key>' from local settings as
// it's already defined in current environment variables."), `--settings FILE` replaces the app's
// local.settings.json, and `--clock scale:N@<epoch ms>` anchors scaled time so processes agree.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';

import { fixtureAppDir } from '../../integration/devhost/fixtureApp.js';
import { DevHostProcess } from './DevHostProcess.js';

const appDir = path.join(fixtureAppDir, '../devhost-settings');

async function settingsOf(host: DevHostProcess): Promise<Record<string, string | null>> {
  const res = await fetch(`${await host.url}/api/settings`);
  assert.equal(res.status, 200);
  return (await res.json()) as Record<string, string | null>;
}

async function nowOf(host: DevHostProcess): Promise<number> {
  const res = await fetch(`${await host.url}/admin/devhost/settle`, { method: 'POST' });
  assert.equal(res.status, 200);
  return ((await res.json()) as { nowMs: number }).nowMs;
}

describe('dev host CLI: settings and anchored clock', () => {
  it("lets an environment variable win over local.settings.json, with Core Tools' log line", async () => {
    const host = DevHostProcess.start(['--app', appDir, '--port', '0'], {
      FIXTURE_GREETING: 'from-environment',
    });
    try {
      assert.deepEqual(await settingsOf(host), {
        greeting: 'from-environment',
        other: 'other-from-local-settings',
      });
      await host.waitForLine(
        /^Skipping 'FIXTURE_GREETING' from local settings as it's already defined in current environment variables\.$/,
      );
    } finally {
      await host.kill('SIGTERM');
    }
  });

  it("reads --settings FILE instead of the app's local.settings.json", async () => {
    const host = DevHostProcess.start([
      '--app',
      appDir,
      '--port',
      '0',
      '--settings',
      path.join(appDir, 'other.settings.json'),
    ]);
    try {
      assert.deepEqual(await settingsOf(host), {
        greeting: null,
        other: 'other-from-settings-file',
      });
    } finally {
      await host.kill('SIGTERM');
    }
  });

  it('anchors --clock scale:N@<epoch ms>: a restarted host continues the same time line', async () => {
    const anchor = Date.now() - 60_000;
    const args = ['--app', appDir, '--port', '0', '--clock', `scale:60@${anchor}`];
    const first = DevHostProcess.start(args);
    let before: number;
    try {
      before = await nowOf(first);
    } finally {
      await first.kill('SIGTERM');
    }
    // One real minute since the anchor at 60x is an hour of host time (plus start-up time).
    assert.ok(before - anchor >= 3_600_000, String(before - anchor));
    const second = DevHostProcess.start(args);
    try {
      const after = await nowOf(second);
      assert.ok(after >= before, `${after} < ${before}: the restart went back in time`);
      // Both read anchor + 60 × (real time since the anchor): the gap is the real time between
      // the two readings times 60, well under an hour of host time.
      assert.ok(after - before < 3_600_000, String(after - before));
    } finally {
      await second.kill('SIGTERM');
    }
  });
});
