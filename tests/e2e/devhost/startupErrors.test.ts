import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';

import { fixtureAppDir } from '../../integration/devhost/fixtureApp.js';
import { DevHostProcess } from './DevHostProcess.js';

describe('dev host start-up (CLI)', () => {
  it('disables a function with an unsupported binding, logs why, and serves the rest (the Functions host: "failed indexing and will be disabled")', async () => {
    const host = DevHostProcess.start([
      '--app',
      path.join(fixtureAppDir, 'unsupported'),
      '--port',
      '0',
    ]);
    try {
      const line = await host.waitForLine(/failed indexing/);
      assert.match(
        line,
        /^function "onQueueMessage" failed indexing and will be disabled: binding "queueTrigger\w*" of type "queueTrigger"/,
      );
      const url = await host.url;
      const res = await fetch(`${url}/api/fine`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'fine');
      const disabled = await fetch(`${url}/admin/functions/onQueueMessage`, { method: 'POST' });
      assert.equal(disabled.status, 404);
    } finally {
      await host.kill('SIGTERM');
    }
  });

  it('names a bad argument and exits 1', async () => {
    const host = DevHostProcess.start(['--app', fixtureAppDir, '--clock', 'fast']);
    await host.waitForLine(
      /^devhost: --clock: expected real, virtual, scale:N or scale:N@<epoch ms>, got "fast"/,
    );
    assert.equal(await host.exited, 1);
  });
});
