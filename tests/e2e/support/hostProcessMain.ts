/**
 * Child-process entry for restart tests: runs the dev host on a ScaledClock aligned with the
 * parent's (same virtual time for the same real instant), so a SIGKILL really kills the host
 * while the sandbox lives on in the parent. Prints `host ready at URL`.
 *
 * Environment: HOST_APP_DIR, HOST_PORT, HOST_DB, HOST_SCALE, HOST_VIRTUAL0, HOST_REAL0 and
 * HOST_SETTINGS (JSON app settings). The kill hook: with HOST_KILL_ON_LINE (a regular
 * expression) the host SIGKILLs itself the moment it logs a matching line, so a test can crash
 * it at an exact point (e.g. right after a start became durable, before the release's first
 * step).
 */
import { startDevHost } from '../../../devhost/index.js';
import { ScaledClock } from '../../../shared/clock/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined)
    throw new Error(`${name}: expected an environment variable, got nothing`);
  return value;
};

const scale = Number(env('HOST_SCALE'));
const virtual0 = Number(env('HOST_VIRTUAL0'));
const real0 = Number(env('HOST_REAL0'));
const killOn = process.env.HOST_KILL_ON_LINE;
const killPattern = killOn === undefined || killOn === '' ? undefined : new RegExp(killOn);
const clock = new ScaledClock(scale, virtual0 + (Date.now() - real0) * scale);
const host = await startDevHost({
  appDir: env('HOST_APP_DIR'),
  port: Number(env('HOST_PORT')),
  db: env('HOST_DB'),
  clock,
  settings: JSON.parse(env('HOST_SETTINGS')) as Record<string, string>,
  log: (line) => {
    process.stderr.write(`${line}\n`);
    if (killPattern?.test(line) === true) {
      process.stderr.write(`kill hook: SIGKILL on "${line}"\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
process.stdout.write(`host ready at ${host.url}\n`);
process.once('SIGTERM', () => {
  void host.stop().then(() => process.exit(0));
});
