import { type Clock, RealClock } from '../clock/index.js';
import { parseClockSpec } from '../clock/parseClockSpec.js';

/** `npm run devhost -- --help`: every option, and the HTTP endpoints that move virtual time. */
export const usage = `usage: npm run devhost -- --app DIR [--port N] [--db FILE|:memory:]
         [--clock real|virtual|scale:N|scale:N@<epoch ms>] [--settings FILE] [--strict-auth]

  --app DIR          the function app folder (package.json, host.json, local.settings.json)
  --port N           port on 127.0.0.1 (default 7071; 0 picks a free one)
  --db FILE          SQLite file for durable state (default :memory:)
  --clock real       wall-clock time (default)
  --clock virtual    time moves only when asked: POST /admin/devhost/advance?ms=N skips N ms
                     (running every timer that falls due), POST /admin/devhost/settle waits
                     until the host is idle (both need the master key with --strict-auth)
  --clock scale:N    time runs N times faster than the wall clock, from now
  --clock scale:N@T  N times faster from the anchor T (epoch ms): processes given the same
                     anchor (dev host and sandbox) agree on the time, and a restart does not drift
  --settings FILE    read app settings from FILE (local.settings.json shape) instead of the
                     app's local.settings.json; environment variables already set win, as with
                     Core Tools
  --strict-auth      enforce function keys (Core Tools --enableAuth)
  --help             print this help`;

/** Parsed `npm run devhost` arguments; `help` set means print usage and exit. */
export interface CliArgs {
  appDir: string;
  port: number;
  db: string;
  clock: Clock;
  strictAuth: boolean;
  settingsFile?: string;
  help: boolean;
}

const valued = ['--app', '--port', '--db', '--clock', '--settings'];

/** Parses the dev host's arguments (see {@link usage}); throws naming the bad argument. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  let strictAuth = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h')
      return { appDir: '', port: 0, db: '', clock: new RealClock(), strictAuth, help: true };
    if (a === '--strict-auth') strictAuth = true;
    else if (valued.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: expected a value, got nothing`);
      values.set(a, v);
    } else
      throw new Error(
        `arguments: expected --app, --port, --db, --clock, --settings, --strict-auth or --help, got "${a}"`,
      );
  }
  const appDir = values.get('--app');
  if (appDir === undefined) throw new Error('--app: expected a function app folder, got nothing');
  const port = Number(values.get('--port') ?? '7071');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected 0..65535, got "${values.get('--port')}"`);
  const clock = parseClockSpec(values.get('--clock') ?? 'real', { allowVirtual: true });
  const settingsFile = values.get('--settings');
  return {
    appDir,
    port,
    db: values.get('--db') ?? ':memory:',
    clock,
    strictAuth,
    ...(settingsFile === undefined ? {} : { settingsFile }),
    help: false,
  };
}
