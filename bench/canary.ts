/**
 * Canary benchmark (prints figures; not a test). Against the sandbox and the dev host on a
 * virtual clock, with the repository's slotpilot.yaml plus a 5/25/50 % canary of 5 minutes a
 * step (monitor interval 1 min, minRequests 50; production's 10 req/s gives the slot 30
 * requests a minute at 5 %):
 *  1. poll mode: virtual ms from the breach being visible in the slot's platform metrics (the
 *     first whole minutes of the 5 % step holding minRequests requests, plus the one-minute
 *     publishing delay) to the routing rule at 0 % (target ≤ one interval + 1 s);
 *  2. manual rollback during a step: real ms from `POST /rollback` to the rule at 0 %
 *     (target ≤ 1 s).
 * Usage: npx tsx bench/canary.ts [--runs 3]
 */
import { performance } from 'node:perf_hooks';

import { createClients } from '../src/azure/index.js';
import { ArmSlotMetrics } from '../src/azure/metrics/ArmSlotMetrics.js';
import {
  canaryResult,
  type PipelineWorld,
  startCanaryWorld,
  untilCanary,
  users,
} from '../tests/e2e/canary-world.js';
import { sandboxSettings } from '../tests/integration/azure/support/sandboxSettings.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1] ?? 3) : 3;
const minute = 60_000;
const minRequests = 50;
const publishDelayMs = minute;

function stats(label: string, values: number[], unit: string): void {
  const s = [...values].sort((a, b) => a - b);
  const p50 = s[Math.floor((s.length - 1) / 2)] ?? 0;
  console.log(
    `${label.padEnd(48)} n=${String(s.length).padStart(2)}  p50=${p50.toFixed(1).padStart(8)} ${unit}  max=${(s.at(-1) ?? 0).toFixed(1).padStart(8)} ${unit}`,
  );
}

/** The routing history of production: [virtual ms, share of staging]. */
function shares(world: PipelineWorld): Array<[number, number]> {
  return world.sandbox
    .routingHistory('pwbi-api-prod')
    .map((r) => [r.at, r.rules.find((x) => x.name === 'staging')?.reroutePercentage ?? 0]);
}

async function pollLatency(world: PipelineWorld, tag: string): Promise<number> {
  const before = shares(world).length;
  const pushed = await world.releaseToProduction(tag, 'errors:20');
  const result = await canaryResult(world, pushed.releaseId);
  if (result.outcome !== 'aborted') throw new Error(`expected an abort, got ${result.outcome}`);
  const mine = shares(world).slice(before);
  const start = mine.find(([, p]) => p === 5)?.[0];
  const zero = mine.find(([at, p]) => p === 0 && at > (start ?? Infinity))?.[0];
  if (start === undefined || zero === undefined) throw new Error('no 5 % step or no 0 %');
  // The breach is visible once whole minutes of the step hold minRequests requests.
  const metrics = new ArmSlotMetrics(createClients(sandboxSettings(world.sandbox)));
  const from = Math.ceil(start / minute) * minute;
  const slot = {
    subscription: world.sandbox.subscriptionId,
    resourceGroup: 'pwbi-prod',
    site: 'pwbi-api-prod',
    slot: 'staging',
  };
  for (let to = from + minute; to <= zero; to += minute) {
    const t = await metrics.traffic(slot, {
      fromIso: new Date(from).toISOString(),
      toIso: new Date(to).toISOString(),
    });
    if (t.requests >= minRequests && t.http5xx / t.requests > 0.01) {
      return zero - (to + publishDelayMs);
    }
  }
  throw new Error('the breach never became visible before the abort');
}

async function manualLatency(world: PipelineWorld, tag: string): Promise<number> {
  const pushed = await world.releaseToProduction(tag, 'healthy');
  await untilCanary(world, pushed.releaseId, (s) => (s.canary.steps[0]?.samples.length ?? 0) >= 1);
  const before = shares(world).length;
  const t0 = performance.now();
  const answer = await world.api.call(
    'POST',
    `/api/releases/${pushed.releaseId}/rollback`,
    { reason: 'bench' },
    users.engLead,
  );
  if (answer.status !== 202)
    throw new Error(`rollback: ${answer.status} ${JSON.stringify(answer.body)}`);
  while (
    !shares(world)
      .slice(before)
      .some(([, p]) => p === 0)
  ) {
    if (performance.now() - t0 > 30_000) throw new Error('no 0 % within 30 s');
    await new Promise((r) => setImmediate(r));
  }
  const ms = performance.now() - t0;
  await canaryResult(world, pushed.releaseId);
  await world.untilEnded(pushed.releaseId);
  return ms;
}

async function main(): Promise<void> {
  const world = await startCanaryWorld();
  try {
    const polls: number[] = [];
    for (let i = 0; i < runs; i += 1) polls.push(await pollLatency(world, `81.${i}.0`));
    stats('slot breach visible → share 0 % (virtual)', polls, 'ms');
    const manual: number[] = [];
    for (let i = 0; i < runs; i += 1) manual.push(await manualLatency(world, `82.${i}.0`));
    stats('POST /rollback in a step → share 0 % (real)', manual, 'ms');
  } finally {
    await world.stop();
  }
}

await main();
