import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { repoRoot } from './buildApp.js';

/** What a child dev host needs. */
export interface HostProcessOptions {
  appDir: string;
  port: number;
  db: string;
  scale: number;
  virtual0: number;
  real0: number;
  settings: Record<string, string>;
  /** The kill hook: SIGKILL the host when it logs a line matching this pattern. */
  killOnLine?: RegExp;
}

/** A dev host in a child process (see hostProcessMain.ts), killable at any moment. */
export class HostProcess {
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  readonly lines: string[] = [];

  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.url = new Promise((resolve, reject) => {
      const onLine = (line: string): void => {
        this.lines.push(line);
        if (process.env.SLOTPILOT_E2E_LOG === '1') console.error(`[child] ${line}`);
        const m = /^host ready at (\S+)/.exec(line);
        if (m?.[1] !== undefined) resolve(m[1]);
      };
      if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
      if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);
      void this.exited.then((code) =>
        reject(
          new Error(
            `host exited (${code}) before it was ready:\n${this.lines.slice(-20).join('\n')}`,
          ),
        ),
      );
    });
  }

  /** Starts a child dev host. */
  static start(o: HostProcessOptions): HostProcess {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/e2e/support/hostProcessMain.ts'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOST_APP_DIR: o.appDir,
          HOST_PORT: String(o.port),
          HOST_DB: o.db,
          HOST_SCALE: String(o.scale),
          HOST_VIRTUAL0: String(o.virtual0),
          HOST_REAL0: String(o.real0),
          HOST_SETTINGS: JSON.stringify(o.settings),
          HOST_KILL_ON_LINE: o.killOnLine?.source ?? '',
        },
      },
    );
    return new HostProcess(child);
  }

  /** Sends `signal` and resolves with the exit code (null when killed by a signal). */
  kill(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill(signal);
    return this.exited;
  }
}
