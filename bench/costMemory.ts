/**
 * Memory part of the cost bench: the resident set of a dev host process (the function app and
 * a stand-in for the Functions host's Durable engine) while it runs one healthy release of
 * the repository's slotpilot.yaml, on a scaled clock. On Azure the app runs in a Node worker
 * beside the .NET Functions host, and the Flex instance memory holds both.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type { ReleaseCustomStatus } from '../src/domain/release/index.js';
import { repoRoot } from '../tests/e2e/support/buildApp.js';
import { users } from '../tests/e2e/support/PipelineWorld.js';
import { RestartWorld } from '../tests/e2e/support/RestartWorld.js';

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

/** Runs one healthy release in a child dev host and prints its memory. */
export async function measureHostMemory(): Promise<void> {
  const world = await RestartWorld.begin(undefined, { monitor: true, warmupSuccesses: 10 }, scale);
  const pid = world.host.child.pid ?? 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const ready = memoryMb(pid);
    let highest = ready.rss;
    sampler = setInterval(() => {
      highest = Math.max(highest, memoryMb(pid).rss);
    }, 50);
    const { releaseId: id } = await world.push('71.0.0');
    const waiting = (stage: string) => (s: ReleaseCustomStatus) =>
      s.status === 'WaitingForApproval' && s.waitingFor?.stage === stage;
    await world.until(id, waiting('staging'), 180_000);
    await world.api.approve(id, 'staging', users.qaLead, 'cost bench');
    await world.until(id, waiting('production'), 180_000);
    await world.api.approve(id, 'production', users.engLead, 'cost bench');
    await world.until(id, (s) => !['Running', 'WaitingForApproval'].includes(s.status), 180_000);
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
    await world.stop();
  }
}
