import { type Clock, RealClock, ScaledClock, VirtualClock } from '../clock/index.js';

/** Parsed `npm run devhost` arguments. */
export interface CliArgs {
  appDir: string;
  port: number;
  db: string;
  clock: Clock;
  strictAuth: boolean;
}

/** Parses `--app DIR --port N --db FILE|:memory: [--clock real|virtual|scale:N] [--strict-auth]`. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  let strictAuth = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--strict-auth') strictAuth = true;
    else if (['--app', '--port', '--db', '--clock'].includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: expected a value, got nothing`);
      values.set(a, v);
    } else
      throw new Error(
        `arguments: expected --app, --port, --db, --clock or --strict-auth, got "${a}"`,
      );
  }
  const appDir = values.get('--app');
  if (appDir === undefined) throw new Error('--app: expected a function app folder, got nothing');
  const port = Number(values.get('--port') ?? '7071');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected 0..65535, got "${values.get('--port')}"`);
  const clockArg = values.get('--clock') ?? 'real';
  let clock: Clock;
  if (clockArg === 'real') clock = new RealClock();
  else if (clockArg === 'virtual') clock = new VirtualClock(Date.now());
  else if (/^scale:\d+(\.\d+)?$/.test(clockArg)) clock = new ScaledClock(Number(clockArg.slice(6)));
  else throw new Error(`--clock: expected real, virtual or scale:N, got "${clockArg}"`);
  return { appDir, port, db: values.get('--db') ?? ':memory:', clock, strictAuth };
}
