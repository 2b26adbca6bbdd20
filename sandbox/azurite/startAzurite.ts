import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The well-known Azurite development account key (public, not a secret). */
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A running Azurite blob service child process. */
export interface AzuriteProcess {
  blobEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's blob service as a child process on a free port, with
 * `--skipApiVersionCheck` (the SDK sends a newer x-ms-version than Azurite knows), telemetry
 * off, and in-memory persistence unless `location` names a folder. Resolves once it listens.
 */
export async function startAzurite(opts: { location?: string } = {}): Promise<AzuriteProcess> {
  const require = createRequire(import.meta.url);
  const main = join(
    dirname(require.resolve('azurite/package.json')),
    'dist',
    'src',
    'blob',
    'main.js',
  );
  const args = [
    main,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--loose',
  ];
  args.push(
    ...(opts.location === undefined ? ['--inMemoryPersistence'] : ['--location', opts.location]),
  );
  // A watchdog around Azurite's own main: when our end of its stdin closes (this process has
  // exited, however abruptly), it shuts Azurite down rather than leaving an orphan on a port.
  const watchdog = `process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')).resume(); require(process.argv[1]);`;
  const child: ChildProcess = spawn(process.execPath, ['-e', watchdog, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const blobEndpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Generous: on a loaded two-core machine Azurite's start alone can take tens of seconds.
    // A start that never listens is killed, so it cannot hold its test until the tier timeout.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`azurite: not listening after 60 s; output: ${out}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /listens on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(`${m[1]}/devstoreaccount1`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`azurite: exited with ${code} before listening; output: ${out}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        // Closing stdin makes the watchdog send Azurite one SIGTERM (a graceful shutdown).
        child.stdin?.end();
      }),
  };
}
