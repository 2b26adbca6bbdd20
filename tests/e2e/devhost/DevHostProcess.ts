import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The dev host CLI in a child process, with helpers that wait for its output lines. */
export class DevHostProcess {
  readonly url: Promise<string>;
  private readonly lines: string[] = [];
  private readonly waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    const onLine = (line: string): void => {
      this.lines.push(line);
      for (const w of [...this.waiters]) {
        if (w.re.test(line)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.url = this.waitForLine(/^devhost ready at /).then((l) =>
      l.replace('devhost ready at ', '').trim(),
    );
    // Start-up failures are asserted through `exited`; awaiting `url` still rejects.
    this.url.catch(() => undefined);
  }

  /** Starts `npm run devhost`'s entry with the given arguments (and extra environment variables). */
  static start(args: string[], env: Record<string, string> = {}): DevHostProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'devhost/cli/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new DevHostProcess(child);
  }

  /** Resolves with the first line (past or future) matching `re`; rejects if the process exits first. */
  waitForLine(re: RegExp): Promise<string> {
    const seen = this.lines.find((l) => re.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.waiters.push({ re, resolve });
      void this.exited.then((code) =>
        reject(
          new Error(`devhost exited (${code}) before printing ${re}\n${this.lines.join('\n')}`),
        ),
      );
    });
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}
