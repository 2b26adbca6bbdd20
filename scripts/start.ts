/**
 * `npm start [-- --port 7071] [--time-scale 60] [--azure] [--db FILE]`: runs Slotpilot locally.
 * Sandbox mode (default): Azurite + the simulated Azure of sandbox/ on a clock running
 * `--time-scale` times faster than real time, the dev host running this function app against
 * it, the sandbox's Event Grid pointed at the host; then one line per release step. `--azure`:
 * the dev host against real Azure with local.settings.json and real time.
 * Writes `.slotpilot/runtime.json` (removed on exit); Ctrl-C / SIGTERM stop everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

import { followReleases } from '../cli/followReleases.js';
import { runtimeFilePath, type RuntimeInfo, writeRuntimeInfo } from '../cli/RuntimeInfo.js';
import { type Clock, RealClock, ScaledClock, startDevHost } from '../devhost/index.js';
import { type Sandbox, startSandbox } from '../sandbox/index.js';
import { bundleApp, bundleDir } from './packaging/bundleApp.js';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7071' },
    'time-scale': { type: 'string', default: '60' },
    azure: { type: 'boolean', default: false },
    db: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const timeScale = Number(values['time-scale']);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port: expected 0-65535, got ${values.port}`);
if (!(timeScale > 0)) fail(`--time-scale: expected a number > 0, got ${values['time-scale']}`);
const say = (line: string): void => console.log(line);
const verbose = values.verbose ? (line: string): void => console.log(`  · ${line}`) : undefined;

buildIfNeeded();
buildConsoleIfNeeded();
const clock: Clock = values.azure
  ? new RealClock()
  : timeScale === 1
    ? new RealClock()
    : new ScaledClock(timeScale);
let sandbox: Sandbox | undefined;
const stops: (() => Promise<void>)[] = [];
const runtimePath = runtimeFilePath(root);
let shuttingDown = false;

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  say('Slotpilot stopping…');
  for (const stop of stops.splice(0).reverse()) {
    await stop().catch((error: unknown) => console.error(`stop failed: ${String(error)}`));
  }
  rmSync(runtimePath, { force: true });
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  let settings: Record<string, string> = {};
  if (!values.azure) {
    say('starting Azurite and the sandbox (simulated Azure)…');
    sandbox = await startSandbox({ clock, ...(verbose ? { log: verbose } : {}) });
    const started = sandbox;
    stops.push(() => started.stop());
    settings = sandboxSettings(started);
  }
  const db = values.db ?? join(root, '.slotpilot', values.azure ? 'azure.db' : 'sandbox.db');
  mkdirSync(dirname(db), { recursive: true });
  if (!values.azure && values.db === undefined) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
  const host = await startDevHost({
    appDir: root,
    port,
    db,
    clock,
    settings,
    ...(verbose ? { log: verbose } : {}),
  });
  stops.push(() => host.stop());
  const eventGridUrl = `${host.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`;
  sandbox?.setEventGridUrl(eventGridUrl);
  const info: RuntimeInfo = {
    url: host.url,
    functionKey: host.functionKey,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    mode: values.azure ? 'azure' : 'sandbox',
    timeScale: values.azure ? 1 : timeScale,
    eventGridUrl,
    ...(sandbox === undefined
      ? {}
      : {
          sandbox: {
            adminUrl: sandbox.adminUrl,
            armEndpoint: sandbox.armEndpoint,
            logsEndpoint: sandbox.logsEndpoint,
            slackUrl: sandbox.slackUrl,
            hooksUrl: sandbox.hooksUrl,
            blobConnectionString: sandbox.blobConnectionString,
            caCertPath: sandbox.caCertPath,
          },
        }),
  };
  await checkHealth(host.url);
  writeRuntimeInfo(runtimePath, info);
  stops.push(
    followReleases({ url: host.url, functionKey: host.functionKey }, (line) =>
      say(`${stamp()} ${line}`),
    ),
  );
  say(`Slotpilot ready at ${host.url}`);
  say(
    `console: ${host.url}/api/console (connect with a token from: npx slotpilot token issue --user EMAIL)`,
  );
  if (values.azure) {
    say('mode: real Azure with local.settings.json, real time');
  } else {
    say(
      `mode: sandbox; the clock runs ${timeScale}× real time (1 h of monitoring takes ${formatReal(3_600_000 / timeScale)}); change with --time-scale N`,
    );
    say(
      'push an image: npm run push -- pwbi-api:1.2.0 [--profile healthy|errors|slow|crash|unhealthy-later]',
    );
  }
  say('operate it: npx slotpilot list | show ID | watch ID | approve ID --stage S --as EMAIL');
} catch (error) {
  console.error(
    `Slotpilot failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await shutdown(1);
}

/**
 * Asks the app's `/api/health` before saying ready: the app reads its pipeline config on the
 * first invocation, not at import, so this is where a bad slotpilot.yaml stops `npm start`,
 * with every problem the app reports (field, expected, received).
 */
async function checkHealth(url: string): Promise<void> {
  const res = await fetch(`${url}/api/health`);
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { detail?: unknown };
  throw new Error(
    typeof body.detail === 'string' ? body.detail : `/api/health answered ${res.status}`,
  );
}

/** App settings that point the function app at the sandbox (overriding local.settings.json). */
function sandboxSettings(s: Sandbox): Record<string, string> {
  const local = readLocalSettings();
  const out: Record<string, string> = {
    SLOTPILOT_ARM_ENDPOINT: s.armEndpoint,
    SLOTPILOT_LOGS_ENDPOINT: s.logsEndpoint,
    SLOTPILOT_CA_CERT: s.caCertPath,
    SLOTPILOT_HOST_MAP: JSON.stringify(s.hostMap),
    SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify(s.registryEndpoints),
    SLOTPILOT_AUDIT_CONNECTION: s.blobConnectionString,
    AZ_SUB: s.subscriptionId,
    SLOTPILOT_LOCAL_MODE: 'true',
    SLACK_WEBHOOK: `${s.slackUrl}/releases`,
    SLACK_WEBHOOK_CRITICAL: `${s.slackUrl}/critical`,
  };
  if (s.blobConnectionString !== '') out.AzureWebJobsStorage = s.blobConnectionString;
  // Every local setting naming a placeholder hook URL (…/hooks/<name>) goes to the sandbox's hook.
  for (const [name, value] of Object.entries(local)) {
    const hook = /\/hooks\/([\w-]+)$/.exec(value)?.[1];
    if (hook !== undefined) out[name] = `${s.hooksUrl}/${hook}`;
  }
  const appInsights = local.APPINSIGHTS_RESOURCE_ID;
  if (appInsights !== undefined) {
    out.APPINSIGHTS_RESOURCE_ID = appInsights.replace(
      /^\/subscriptions\/[^/]+/,
      `/subscriptions/${s.subscriptionId}`,
    );
  }
  return out;
}

function readLocalSettings(): Record<string, string> {
  const file = join(root, 'local.settings.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, string> };
  return parsed.Values ?? {};
}

/**
 * Compiles the app (`tsc -p .`) and bundles it (`bundleApp`, package.json `main`) when the
 * bundle is missing or older than a source file.
 */
function buildIfNeeded(): void {
  const entry = join(root, bundleDir, 'index.js');
  const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  if (builtAt > 0 && newestSource(join(root, 'src')) <= builtAt) return;
  say('building the function app (tsc)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
    fail(`build failed:\n${result.stdout}${result.stderr}`);
  }
  if (result.status !== 0) say('(tsc reported type errors; the compiled app is used anyway)');
  bundleApp(root);
}

/** Compiles the web console (`tsc -p web/tsconfig.json`) when its scripts are missing or stale. */
function buildConsoleIfNeeded(): void {
  const script = join(root, 'dist', 'src', 'functions', 'console', 'assets', 'app.js');
  const builtAt = existsSync(script) ? statSync(script).mtimeMs : 0;
  if (builtAt > 0 && newestSource(join(root, 'web', 'src')) <= builtAt) return;
  say('building the web console (tsc -p web/tsconfig.json)…');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'web', 'tsconfig.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) say(`(the console did not build: ${result.stdout}${result.stderr})`);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stamp(): string {
  return new Date(clock.now()).toISOString().slice(11, 19);
}

function formatReal(ms: number): string {
  return ms >= 60_000
    ? `${(ms / 60_000).toFixed(ms % 60_000 === 0 ? 0 : 1)} min`
    : `${Math.round(ms / 1000)} s`;
}

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(2);
}
