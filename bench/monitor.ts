/**
 * Monitoring benchmark (prints figures; not a test). Against the sandbox and the dev host on
 * a virtual clock, with the repository's slotpilot.yaml (1 h window, 1 min interval, 2 min
 * ingestion delay):
 *  1. alert push: real ms from `POST /api/alerts` to the swap-back request at the sandbox
 *     (target ≤ 1 s);
 *  2. poll mode: virtual ms from the breach being visible in the Logs API (swap + ingestion
 *     delay + the ~5 s it takes production's 10 req/s to pass minRequests) to the swap-back
 *     request (target ≤ one interval + 1 s);
 *  3. a healthy 1-hour window at 1-minute interval: real time, executions, and durable history
 *     events per execution (the bound continue-as-new keeps);
 *  4. the whole healthy release, push → Succeeded (dev, staging, production, the 1 h window):
 *     real time. The e2e tests print these real-time figures but never assert them.
 * Usage: npx tsx bench/monitor.ts [--runs 3]
 */
import { performance } from 'node:perf_hooks';

import type { MonitorCarry } from '../src/domain/monitor/contract.js';
import type { PipelineWorld } from '../tests/e2e/monitor-world.js';
import {
  monitorResult,
  startMonitorWorld,
  untilMonitor,
  users,
} from '../tests/e2e/monitor-world.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1] ?? 3) : 3;
const minute = 60_000;

function swapBacks(world: PipelineWorld): { at: number }[] {
  return world.sandbox
    .armRequests()
    .filter((r) => r.method === 'POST' && /\/slotsswap/i.test(r.path) && r.status < 300);
}

function stats(label: string, values: number[], unit: string): void {
  const s = [...values].sort((a, b) => a - b);
  const p50 = s[Math.floor((s.length - 1) / 2)] ?? 0;
  console.log(
    `${label.padEnd(44)} n=${String(s.length).padStart(2)}  p50=${p50.toFixed(1).padStart(8)} ${unit}  max=${(s.at(-1) ?? 0).toFixed(1).padStart(8)} ${unit}`,
  );
}

async function alertLatency(world: PipelineWorld, tag: string): Promise<number> {
  const pushed = await world.releaseToProduction(tag, 'healthy');
  await untilMonitor(world, pushed.releaseId, (s) => (s.monitor?.samples.length ?? 0) >= 2);
  const before = swapBacks(world).length;
  const t0 = performance.now();
  const answer = await world.api.call(
    'POST',
    '/api/alerts',
    { site: 'pwbi-api-prod', reason: 'bench' },
    users.engLead,
  );
  if (answer.status !== 202)
    throw new Error(`alert: ${answer.status} ${JSON.stringify(answer.body)}`);
  while (swapBacks(world).length === before) {
    if (performance.now() - t0 > 30_000) throw new Error('no swap back within 30 s');
    await new Promise((r) => setImmediate(r));
  }
  const ms = performance.now() - t0;
  await monitorResult(world, pushed.releaseId);
  await world.untilEnded(pushed.releaseId);
  return ms;
}

async function pollLatency(world: PipelineWorld, tag: string): Promise<number> {
  const pushed = await world.releaseToProduction(tag, 'errors:20');
  const before = swapBacks(world).length;
  const result = await monitorResult(world, pushed.releaseId);
  const done = await world.untilEnded(pushed.releaseId);
  if (result.outcome !== 'rolledBack')
    throw new Error(`expected a rollback, got ${result.outcome}`);
  const swapBack = swapBacks(world)[before + 1]; // [before] is the forward swap
  if (swapBack === undefined || done.swappedAt === undefined) throw new Error('no swap back');
  const visibleAt = Date.parse(done.swappedAt) + 2 * minute + 5_000;
  return swapBack.at - visibleAt;
}

async function healthyHour(world: PipelineWorld): Promise<void> {
  const release0 = { virtual: world.clock.now(), real: performance.now() };
  const pushed = await world.releaseToProduction('99.0.0', 'healthy');
  await untilMonitor(world, pushed.releaseId, (s) => s.monitor?.nextTickAt !== undefined);
  const v0 = world.clock.now();
  const t0 = performance.now();
  const result = await monitorResult(world, pushed.releaseId);
  const realMs = performance.now() - t0;
  const status = await world.host.getStatus(`${pushed.releaseId}-monitor`);
  const carry = (status?.input as { carry?: MonitorCarry } | undefined)?.carry;
  const history = (await world.host.history(`${pushed.releaseId}-monitor`)) ?? [];
  console.log(
    `healthy window: ${((world.clock.now() - v0) / minute).toFixed(0)} virtual min in ${realMs.toFixed(0)} real ms, ` +
      `outcome ${result.outcome}, ${result.outcome === 'healthy' ? result.samples : 0} samples`,
  );
  console.log(
    `history: ${(carry?.generation ?? 0) + 1} executions (continue-as-new every 10 ticks); ` +
      `last execution holds ${history.length} events`,
  );
  const done = await world.untilEnded(pushed.releaseId);
  console.log(
    `whole release push → ${done.status}: ${((world.clock.now() - release0.virtual) / minute).toFixed(0)} virtual min ` +
      `in ${(performance.now() - release0.real).toFixed(0)} real ms`,
  );
}

async function main(): Promise<void> {
  const world = await startMonitorWorld();
  try {
    const alerts: number[] = [];
    for (let i = 0; i < runs; i += 1) alerts.push(await alertLatency(world, `90.${i}.0`));
    stats('alert POST → swap-back request (real)', alerts, 'ms');
    const polls: number[] = [];
    for (let i = 0; i < runs; i += 1) polls.push(await pollLatency(world, `91.${i}.0`));
    stats('Logs breach visible → swap-back (virtual)', polls, 'ms');
    await healthyHour(world);
  } finally {
    await world.stop();
  }
}

await main();
