import { startDevHost } from '../startDevHost.js';
import { parseArgs, usage } from './parseArgs.js';

/**
 * `npm run devhost -- --app DIR [options]` (see `--help`): prints `devhost ready at URL` once
 * listening; SIGTERM/SIGINT stop it cleanly.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const host = await startDevHost({
    appDir: args.appDir,
    port: args.port,
    db: args.db,
    clock: args.clock,
    strictAuth: args.strictAuth,
    ...(args.settingsFile === undefined ? {} : { settingsFile: args.settingsFile }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (args.clock.kind === 'virtual') {
    process.stderr.write(
      'virtual clock: time moves only through POST /admin/devhost/advance?ms=N (and the programmatic API)\n',
    );
  }
  process.stdout.write(`devhost ready at ${host.url}\n`);
  const shutdown = (): void => {
    host.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`devhost: stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`devhost: ${message.replace(/^devhost: /, '')}\n`);
  process.exit(1);
});
