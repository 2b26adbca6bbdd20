import { readyInfo, startSandbox } from '../index.js';
import { parseCliArgs } from './parseCliArgs.js';

/** `npm run sandbox`: starts the sandbox, prints `sandbox ready {json}`, stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const opts = parseCliArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    scenario: opts.scenario,
    port: opts.port,
    clock: opts.clock,
    eventGridUrl: opts.eventGridUrl,
    azurite: opts.azurite,
    warmKql: true,
    log: (line) => process.stderr.write(`sandbox: ${line}\n`),
  });
  process.stdout.write(`sandbox ready ${JSON.stringify(readyInfo(sandbox))}\n`);
  const shutdown = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${(err as Error).message}\n`);
  process.exit(1);
});
