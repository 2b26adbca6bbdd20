import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import Database from 'better-sqlite3';

import { fixtureAppDir } from '../../integration/devhost/fixtureApp.js';
import { DevHostProcess } from './DevHostProcess.js';

describe('dev host crash recovery (SIGKILL mid-orchestration, restart on the same database)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'devhost-crash-'));
  const db = path.join(dir, 'durable.db');
  const running: DevHostProcess[] = [];
  after(async () => {
    for (const p of running) {
      if (p.child.exitCode === null && p.child.signalCode === null) await p.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (): DevHostProcess => {
    const p = DevHostProcess.start(['--app', fixtureAppDir, '--port', '0', '--db', db]);
    running.push(p);
    return p;
  };

  it('resumes every instance, loses no activity result and duplicates no decision', async () => {
    const first = start();
    const url = await first.url;
    const res = await fetch(
      `${url}/runtime/webhooks/durabletask/orchestrators/SlowSequence/crash-1`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps: 6, ms: 100 }),
      },
    );
    assert.equal(res.status, 202);
    await first.waitForLine(/activity SleepReal#1 of crash-1 completed/);
    assert.equal(await first.kill('SIGKILL'), null);

    const second = start();
    const url2 = await second.url;
    await second.waitForLine(/instance crash-1 completed/);
    const status = (await (
      await fetch(`${url2}/runtime/webhooks/durabletask/instances/crash-1`)
    ).json()) as {
      runtimeStatus: string;
      output: unknown;
    };
    assert.equal(status.runtimeStatus, 'Completed');
    assert.deepEqual(status.output, [100, 101, 102, 103, 104, 105]);

    const reader = new Database(db, { readonly: true });
    try {
      const events = (
        reader
          .prepare("SELECT event FROM history WHERE instance_id = 'crash-1' ORDER BY seq")
          .all() as {
          event: string;
        }[]
      ).map(
        (r) =>
          JSON.parse(r.event) as { EventType: number; EventId: number; TaskScheduledId?: number },
      );
      const scheduled = events.filter((e) => e.EventType === 4).map((e) => e.EventId);
      assert.deepEqual(scheduled, [0, 1, 2, 3, 4, 5]);
      const completed = events.filter((e) => e.EventType === 5).map((e) => e.TaskScheduledId);
      assert.deepEqual(completed, [0, 1, 2, 3, 4, 5]);
      assert.equal(events.filter((e) => e.EventType === 1).length, 1);
    } finally {
      reader.close();
    }
    assert.equal(await second.kill('SIGTERM'), 0);
  });

  it('survives repeated kills at different points of the same orchestration', async () => {
    let host = start();
    const url = await host.url;
    const res = await fetch(
      `${url}/runtime/webhooks/durabletask/orchestrators/SlowSequence/crash-2`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ steps: 8, ms: 30 }),
      },
    );
    assert.equal(res.status, 202);
    for (const step of [0, 3, 5]) {
      await host.waitForLine(new RegExp(`activity SleepReal#${step} of crash-2 completed`));
      await host.kill('SIGKILL');
      host = start();
      await host.url;
    }
    await host.waitForLine(/instance crash-2 completed/);
    const status = (await (
      await fetch(`${await host.url}/runtime/webhooks/durabletask/instances/crash-2`)
    ).json()) as {
      output: unknown;
    };
    assert.deepEqual(status.output, [30, 31, 32, 33, 34, 35, 36, 37]);
    assert.equal(await host.kill('SIGTERM'), 0);
  });
});
