import { startDevHost } from '../startDevHost.js';
import { parseArgs } from './parseArgs.js';

/**
 * `npm run devhost -- --app DIR --port N --db FILE|:memory: [--clock real|virtual|scale:N]
 * [--strict-auth]`: prints `devhost ready at URL` once listening; SIGTERM/SIGINT stop it cleanly.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const host = await startDevHost({
    appDir: args.appDir,
    port: args.port,
    db: args.db,
    clock: args.clock,
    strictAuth: args.strictAuth,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (args.clock.kind === 'virtual') {
    process.stderr.write('virtual clock: time moves only through the programmatic API\n');
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
  process.stderr.write(`devhost: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
