import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import type { RuntimeInfo } from '../../cli/RuntimeInfo.js';
import { buildAppOnce, repoRoot } from './support/buildApp.js';

const run = promisify(execFile);

/** Collects a child's stdout lines and resolves waits for lines matching a pattern. */
class Lines {
  readonly all: string[] = [];
  private waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];

  constructor(child: ChildProcess) {
    if (child.stdout === null) throw new Error('child has no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.all.push(line);
      this.waiters = this.waiters.filter((w) => {
        const match = line.match(w.pattern);
        if (match !== null) w.resolve(match);
        return match === null;
      });
    });
  }

  /** The first line (already seen or still to come) that matches `pattern`. */
  waitFor(pattern: RegExp, what: string, realTimeoutMs = 120_000): Promise<RegExpMatchArray> {
    for (const line of this.all) {
      const match = line.match(pattern);
      if (match !== null) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no line for ${what} within ${realTimeoutMs} ms:\n${this.all.join('\n')}`),
          ),
        realTimeoutMs,
      );
      this.waiters.push({
        pattern,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }
}

describe('npm start and npm run push', () => {
  const runtimeFile = path.join(
    mkdtempSync(path.join(tmpdir(), 'slotpilot-start-')),
    'runtime.json',
  );
  const env = { ...process.env, SLOTPILOT_RUNTIME_FILE: runtimeFile };
  let child: ChildProcess;
  let lines: Lines;
  let exited: Promise<number | null>;

  before(() => {
    buildAppOnce();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--port', '0', '--time-scale', '3600'],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    lines = new Lines(child);
  });
  after(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });

  it('says when it is ready, at which speed, and writes the runtime file', async () => {
    const [, url] = await lines.waitFor(
      /^Slotpilot ready at (http:\/\/127\.0\.0\.1:\d+)$/,
      'ready',
    );
    await lines.waitFor(/clock runs 3600× real time/, 'time scale');
    const info = JSON.parse(readFileSync(runtimeFile, 'utf8')) as RuntimeInfo;
    assert.equal(info.url, url);
    assert.equal(info.mode, 'sandbox');
    assert.match(info.sandbox?.adminUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
  });

  it('pushes an image, prints its digest, and prints the release steps', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/push.ts', 'pwbi-api:9.0.0', '--profile', 'healthy'],
      {
        cwd: repoRoot,
        env,
      },
    );
    const digest = stdout.trim();
    assert.match(digest, /^sha256:[0-9a-f]{64}$/);
    const releaseId = `pwbi-api-${digest.slice(7, 27)}`;
    await lines.waitFor(
      new RegExp(`${releaseId} .*pwbi-api@${digest} \\(9\\.0\\.0\\) requested by acr:`),
      'release start',
    );
    await lines.waitFor(
      new RegExp(`${releaseId} WaitingForApproval\\s+staging: waiting for approval`),
      'approval wait',
    );
    await lines.waitFor(new RegExp(`${releaseId}   dev smoke Passed`), 'smoke check line');
  });

  it('stops everything on SIGINT and removes the runtime file', async () => {
    const info = JSON.parse(readFileSync(runtimeFile, 'utf8')) as RuntimeInfo;
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.equal(existsSync(runtimeFile), false);
    await assert.rejects(fetch(`${info.url}/api/health`));
    await assert.rejects(fetch(`${info.sandbox?.adminUrl ?? ''}/info`));
  });
});
