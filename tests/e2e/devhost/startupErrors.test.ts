import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';

import { fixtureAppDir } from '../../integration/devhost/fixtureApp.js';
import { DevHostProcess } from './DevHostProcess.js';

describe('dev host start-up errors (CLI)', () => {
  it('refuses an unsupported binding with an error naming the function, and exits 1', async () => {
    const host = DevHostProcess.start([
      '--app',
      path.join(fixtureAppDir, 'unsupported'),
      '--port',
      '0',
    ]);
    const line = await host.waitForLine(/unsupported bindings/);
    assert.match(line, /devhost: unsupported bindings/);
    await host.waitForLine(
      /function "onQueueMessage": binding "queueTrigger\w*" of type "queueTrigger"/,
    );
    assert.equal(await host.exited, 1);
  });

  it('names a bad argument and exits 1', async () => {
    const host = DevHostProcess.start(['--app', fixtureAppDir, '--clock', 'fast']);
    await host.waitForLine(/--clock: expected real, virtual or scale:N, got "fast"/);
    assert.equal(await host.exited, 1);
  });
});
