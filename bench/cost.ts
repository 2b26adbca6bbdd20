/**
 * Cost benchmark (prints figures; not a test): what one release costs on Azure. Runs a
 * healthy and a rolled-back release through the repository's slotpilot.yaml (all hooks,
 * 10-response warm-up, one hour of monitoring at one sample a minute) on the dev host and the
 * sandbox with a virtual clock, as the e2e tests drive them; counts episodes, activities,
 * timers and history events in the dev host's SQLite store and the app's calls (ARM, Logs
 * queries, blob writes, Slack) at the sandbox; prices them with costPrices.ts (Flex
 * Consumption at infra/main.bicep's instance memory, telemetry filtered by host.json).
 * Also prints the idle month, the rolled-back release's detection time, the table growth with
 * and without retention, a CI runner doing the same job, and (unless --no-memory) the peak
 * memory of a dev host process running a release.
 * Usage: npx tsx bench/cost.ts [--no-memory]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { repoRoot } from '../tests/e2e/support/buildApp.js';
import { PipelineWorld } from '../tests/e2e/support/PipelineWorld.js';
import { countStore, type Destinations, hostPort, HttpTally } from './costCount.js';
import { measureHostMemory } from './costMemory.js';
import { idleMonth, type ReleaseCost, releaseCost } from './costModel.js';
import { assumptions, prices } from './costPrices.js';
import { readHostTelemetry } from './costTelemetry.js';

const minuteMs = 60_000;
/** An Azure slot swap takes about a minute (the sandbox's default swap is instant). */
const swapDuration = '60s';
/** Scale of the monthly figure: pipelines × releases a day × 30 days. */
const fleet = { pipelines: 100, releasesPerDay: 10 };
/** Retention periods to show (finished instances purged after so many days; issue 10). */
const retentionDays = [7, 30];
/** Bytes Azure Table storage adds per history row (keys, timestamps, property names). */
const tableRowOverheadBytes = 200;

function instanceMemoryMb(): number {
  const bicep = readFileSync(path.join(repoRoot, 'infra/main.bicep'), 'utf8');
  const m = /instanceMemoryMB:\s*(\d+)/.exec(bicep);
  if (m?.[1] === undefined) throw new Error('infra/main.bicep: expected instanceMemoryMB');
  return Number(m[1]);
}

function partitionCount(): number {
  const host = JSON.parse(readFileSync(path.join(repoRoot, 'host.json'), 'utf8')) as {
    extensions?: { durableTask?: { storageProvider?: { partitionCount?: number } } };
  };
  return host.extensions?.durableTask?.storageProvider?.partitionCount ?? 4;
}

interface Measured {
  label: string;
  status: string;
  cost: ReleaseCost;
  counts: ReturnType<typeof countStore>;
  http: ReturnType<HttpTally['counts']>;
  appLines: string[];
  virtualMinutes: number;
  detection?: { detectMs: number; rolledBackMs: number };
}

async function release(
  world: PipelineWorld,
  tally: HttpTally,
  appLines: string[],
  dbFile: string,
  label: string,
  tag: string,
  profile: string,
): Promise<Measured> {
  const to: Destinations = {
    sandbox: [hostPort(world.sandbox.armEndpoint), hostPort(world.sandbox.slackUrl)],
    blob: hostPort(/BlobEndpoint=([^;]+)/.exec(world.sandbox.blobConnectionString)?.[1] ?? ''),
    sites: Object.values(world.sandbox.hostMap).map(hostPort),
  };
  const mark = tally.mark();
  const linesBefore = appLines.length;
  const v0 = world.clock.now();
  const swapsBefore = swapPosts(world).length;
  const pushed = await world.releaseToProduction(tag, profile);
  const done = await world.untilEnded(pushed.releaseId);
  await world.host.settle();
  const counts = countStore(dbFile, [pushed.releaseId, 'lock-']);
  const http = tally.counts(to, mark);
  const lines = appLines.slice(linesBefore);
  const cost = releaseCost({
    store: counts,
    http,
    triggerRuns: 3,
    appLines: lines,
    instanceMemoryMb: instanceMemoryMb(),
    partitions: partitionCount(),
    telemetry: readHostTelemetry(repoRoot),
  });
  const measured: Measured = {
    label,
    status: done.status,
    cost,
    counts,
    http,
    appLines: lines,
    virtualMinutes: (world.clock.now() - v0) / minuteMs,
  };
  const swapBack = swapPosts(world)[swapsBefore + 1];
  if (done.status === 'RolledBack' && swapBack !== undefined && done.swappedAt !== undefined) {
    // The breach is visible in the Logs API once the ingestion delay (2 min) has passed after
    // the swap and production's 10 req/s have passed minRequests (about 5 s).
    const visibleAt = Date.parse(done.swappedAt) + 2 * minuteMs + 5_000;
    measured.detection = {
      detectMs: swapBack.at - visibleAt,
      rolledBackMs: Date.parse(done.rollback?.swapBackCompletedAt ?? done.updatedAt) - visibleAt,
    };
  }
  return measured;
}

function swapPosts(world: PipelineWorld): { at: number }[] {
  return world.sandbox
    .armRequests()
    .filter((r) => r.method === 'POST' && /\/slotsswap/i.test(r.path) && r.status < 300);
}

const usd = (n: number): string => `$${n.toFixed(n < 0.1 ? 5 : 2)}`;
const cents = (n: number): string => `${(n * 100).toFixed(2)} ¢`;

function print(m: Measured): void {
  const c = m.counts;
  console.log(`\n== ${m.label} release → ${m.status} (${m.virtualMinutes.toFixed(0)} virtual min)`);
  console.log(
    `orchestrator episodes ${c.episodes} · activity executions ${c.activities} · timers ${c.timers} · ` +
      `history events ${c.historyEvents} · queue messages ${c.queueMessages} · instances ${c.instances}`,
  );
  console.log(
    `Logs queries ${m.http.logsQueries} · ARM calls ${m.http.arm} · blob writes ${m.http.blobWrites} ` +
      `(reads ${m.http.blobReads}) · Slack messages ${m.http.slack} · hook calls ${m.http.hooks} · ` +
      `site probes ${m.http.siteProbes} · Slotpilot log lines ${m.appLines.length}`,
  );
  const top = Object.entries(c.activitiesByName)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 6)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  console.log(`activities by name: ${top}, …`);
  const b = m.cost.bursts;
  console.log(
    `billed bursts ${b.count} (${b.billedSeconds.toFixed(1)} s billed), instance up ` +
      `${(b.aliveSeconds / 60).toFixed(0)} min, ${b.instanceStarts} instance starts`,
  );
  for (const line of m.cost.lines) {
    console.log(`  ${line.what.padEnd(34)} ${line.quantity.padStart(24)}  ${usd(line.usd)}`);
  }
  console.log(`  ${'total per release'.padEnd(34)} ${''.padStart(24)}  ${cents(m.cost.totalUsd)}`);
  const kept = m.cost.telemetry.filter((t) => t.kept && t.items > 0);
  const dropped = m.cost.telemetry.filter((t) => !t.kept && t.items > 0);
  console.log(
    `  telemetry kept: ${kept.map((t) => `${t.category} ${t.items}`).join('; ')}` +
      (dropped.length > 0
        ? `\n  dropped by host.json: ${dropped.map((t) => `${t.category} ${t.items}`).join('; ')}`
        : ''),
  );
  if (m.detection !== undefined) {
    console.log(
      `detection: Logs breach visible → swap-back request ${(m.detection.detectMs / 1000).toFixed(1)} s (virtual); ` +
        `→ swap back completed ${(m.detection.rolledBackMs / 1000).toFixed(1)} s`,
    );
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-cost-'));
  const dbFile = path.join(dir, 'durable.db');
  const appLines: string[] = [];
  const tally = new HttpTally();
  const world = await PipelineWorld.start({
    config: { monitor: true, warmupSuccesses: 10 },
    scenario: { swap: { duration: swapDuration, polls: 1 } },
    db: dbFile,
    hostLog: (line) => {
      const fn = /^\[([^\]]+)\] /.exec(line)?.[1];
      if (fn !== undefined) appLines.push(fn);
    },
  });
  let healthy: Measured;
  let rolledBack: Measured;
  try {
    healthy = await release(world, tally, appLines, dbFile, 'healthy', '70.0.0', 'healthy');
    rolledBack = await release(
      world,
      tally,
      appLines,
      dbFile,
      'rolled-back',
      '70.1.0',
      'errors:20',
    );
  } finally {
    tally.stop();
    await world.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const telemetry = readHostTelemetry(repoRoot);
  const partitions = partitionCount();
  console.log(
    `Slotpilot cost per release (prices: costPrices.ts, USD list, no free grants) — ` +
      `Flex instance ${instanceMemoryMb()} MB, ${partitions} task-hub partitions, Azure swap ${swapDuration}`,
  );
  console.log(
    `host.json: log levels ${JSON.stringify(telemetry.logLevel)}; dependency tracking ` +
      `${telemetry.dependencyTracking ? 'on' : 'off'}; never sampled: ${telemetry.samplingExcluded}`,
  );
  console.log(
    `assumptions: each burst billed ≥ ${assumptions.minBilledSecondsPerBurst} s at instance memory; ` +
      `${assumptions.activitySeconds} s per activity, ${assumptions.episodeSeconds} s per episode; ` +
      `an instance stays up ${assumptions.instanceKeepAliveSeconds / 60} min after work and polls each queue every ` +
      `${assumptions.workerPollSeconds} s; ${assumptions.queueOpsPerMessage} queue ops per message`,
  );
  print(healthy);
  print(rolledBack);

  const idle = idleMonth(partitions);
  const perMonth = fleet.pipelines * fleet.releasesPerDay * 30;
  console.log(
    `\nidle month: scale controller reads ${partitions + 1} queues every ${assumptions.scaleControllerPollSeconds} s = ` +
      `${(idle.operations / 1e6).toFixed(2)} M queue ops = ${usd(idle.usd)}`,
  );
  console.log(
    `${fleet.pipelines} pipelines × ${fleet.releasesPerDay} healthy releases a day: ` +
      `${usd(idle.usd + perMonth * healthy.cost.totalUsd)} a month`,
  );
  const rowBytes =
    (healthy.counts.historyBytes + tableRowOverheadBytes * healthy.counts.historyEvents) /
    healthy.counts.historyEvents;
  const releaseGb = (rowBytes * healthy.counts.historyEvents) / 1024 ** 3;
  console.log(
    `table storage: ${(releaseGb * 1024 ** 2).toFixed(0)} KB of history per healthy release; at that fleet it grows ` +
      `${(releaseGb * perMonth).toFixed(1)} GB a month without retention (${usd(releaseGb * perMonth * prices.tableGbMonth)} ` +
      `more each month); with retention it stays at ` +
      retentionDays
        .map((d) => `${(releaseGb * perMonth * (d / 30)).toFixed(1)} GB (purged after ${d} days)`)
        .join(' or '),
  );
  const ci = assumptions.ciProductionJobMinutes * prices.ciRunnerMinute;
  console.log(
    `a CI runner holding the seed's production job for ${assumptions.ciProductionJobMinutes} min: ${usd(ci)} ` +
      `(${(ci / healthy.cost.totalUsd).toFixed(0)}× a healthy Slotpilot release)`,
  );
  if (!process.argv.includes('--no-memory')) await measureHostMemory();
}

await main();
