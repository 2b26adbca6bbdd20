/**
 * Memory part of the cost bench: the resident set of a dev host process (the function app and
 * a stand-in for the Functions host's Durable engine) while it runs one healthy release of
 * the repository's slotpilot.yaml, on a scaled clock. On Azure the app runs in a Node worker
 * beside the .NET Functions host, and the Flex instance memory holds both.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ScaledClock } from '../devhost/clock/index.js';
import { startSandbox } from '../sandbox/index.js';
import type { ReleaseCustomStatus } from '../src/domain/release/index.js';
import { releaseIdFor } from '../src/domain/release/index.js';
import { appSettingsFor } from '../tests/e2e/support/appSettings.js';
import { buildAppOnce, repoRoot } from '../tests/e2e/support/buildApp.js';
import { HostProcess } from '../tests/e2e/support/HostProcess.js';
import { writePipelineConfig } from '../tests/e2e/support/pipelineConfig.js';
import { users } from '../tests/e2e/support/PipelineWorld.js';
import { ReleaseApi } from '../tests/e2e/support/ReleaseApi.js';

/** Virtual ms per real ms: the hour of monitoring takes about 30 s. */
const scale = 120;
/** What the .NET Functions host itself takes on a Flex instance (not measurable here). */
const functionsHostMb = 200;

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * What the tsx loader the dev host child runs under adds to a bare Node process, in resident
 * MB (a Node worker on Azure runs compiled JavaScript without it).
 */
function loaderMb(): number {
  const rss = (loader: string[]): number =>
    Number(
      execFileSync(process.execPath, [...loader, '-e', 'console.log(process.memoryUsage().rss)'], {
        cwd: repoRoot,
        encoding: 'utf8',
      }).trim(),
    ) /
    1024 /
    1024;
  return rss(['--import', 'tsx']) - rss([]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function customStatus(url: string, id: string): Promise<ReleaseCustomStatus | undefined> {
  const res = await fetch(`${url}/runtime/webhooks/durabletask/instances/${id}`);
  if (res.status === 404) return undefined;
  const body = (await res.json()) as { customStatus: ReleaseCustomStatus | null };
  return body.customStatus ?? undefined;
}

async function until(
  url: string,
  id: string,
  predicate: (s: ReleaseCustomStatus) => boolean,
): Promise<void> {
  const end = Date.now() + 180_000;
  while (Date.now() < end) {
    const s = await customStatus(url, id);
    if (s !== undefined && predicate(s)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`release ${id}: state not reached within 180 s`);
}

/** Runs one healthy release in a child dev host and prints its memory. */
export async function measureHostMemory(): Promise<void> {
  buildAppOnce();
  const virtual0 = Date.UTC(2026, 0, 5, 9, 0, 0);
  const real0 = Date.now();
  const sandbox = await startSandbox({ clock: new ScaledClock(scale, virtual0) });
  const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-cost-memory-'));
  const port = await freePort();
  const host = HostProcess.start({
    appDir: repoRoot,
    port,
    db: path.join(dir, 'durable.db'),
    scale,
    virtual0,
    real0,
    settings: appSettingsFor(sandbox, writePipelineConfig({ monitor: true, warmupSuccesses: 10 })),
  });
  const pid = host.child.pid ?? 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const url = await host.url;
    sandbox.setEventGridUrl(`${url}/runtime/webhooks/EventGrid?functionName=onImagePushed`);
    const api = new ReleaseApi(() => url);
    const ready = memoryMb(pid);
    let highest = ready.rss;
    sampler = setInterval(() => {
      highest = Math.max(highest, memoryMb(pid).rss);
    }, 50);
    const pushed = await sandbox.push('pwbi-api:71.0.0', { profile: 'healthy' });
    const id = releaseIdFor('pwbi-api', pushed.digest);
    const waiting = (stage: string) => (s: ReleaseCustomStatus) =>
      s.status === 'WaitingForApproval' && s.waitingFor?.stage === stage;
    await until(url, id, waiting('staging'));
    await api.approve(id, 'staging', users.qaLead, 'cost bench');
    await until(url, id, waiting('production'));
    await api.approve(id, 'production', users.engLead, 'cost bench');
    await until(url, id, (s) => !['Running', 'WaitingForApproval'].includes(s.status));
    const end = memoryMb(pid);
    console.log(
      `\nmemory of a dev host process running the app (one healthy release, clock ×${scale}): ` +
        `${ready.rss.toFixed(0)} MB when ready, ${end.rss.toFixed(0)} MB after, ` +
        `peak ${Math.max(end.peak, highest).toFixed(0)} MB resident`,
    );
    const loader = loaderMb();
    const worker = Math.max(end.peak, highest) - loader;
    const need = worker + functionsHostMb;
    console.log(
      `less what the tsx loader adds (${loader.toFixed(0)} MB), the app's worker peaks at ` +
        `${worker.toFixed(0)} MB (the dev host's own engine included); with the .NET Functions host ` +
        `(~${functionsHostMb} MB, assumed) an instance needs about ${need.toFixed(0)} MB: ` +
        `${(512 - need).toFixed(0)} MB (${(((512 - need) / 512) * 100).toFixed(0)} %) headroom at 512 MB`,
    );
  } finally {
    if (sampler !== undefined) clearInterval(sampler);
    await host.kill('SIGTERM');
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
