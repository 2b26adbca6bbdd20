/**
 * Chaos rehearsal (prints figures; not a test). Localhost only: the sandbox in this process,
 * the built app on a dev host in a child process (60× clock), both from the e2e restart world.
 * N releases of pwbi-api are pushed in turn; every push is delivered twice and once more
 * concurrently (duplicate deliveries); every other release is approved through production,
 * the others are left waiting and superseded by the next push; the host is SIGKILLed at
 * seeded moments (during an event delivery, while waiting for an approval, right after an
 * approval, mid-deploy); ARM and Logs calls fail with 429 or 503 with probability ~15 %
 * (seeded). Reports releases, kills, duplicate deliveries, faults injected, outcomes and
 * duplicate swaps (a digest swapped into production more than once; must be 0).
 * Usage: npm run bench:chaos [-- --releases 8 --seed 7 --budget-s 420]
 */
import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { defaultScenarioPath, type ScenarioInput } from '../sandbox/index.js';
import { createRng } from '../sandbox/util/createRng.js';
import { RestartWorld } from '../tests/e2e/support/RestartWorld.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name}: expected a positive number, got ${process.argv[i + 1]}`);
  }
  return value;
};
const releases = Math.min(arg('releases', 8), 20);
const seed = arg('seed', 7);
const budgetMs = Math.min(arg('budget-s', 420), 900) * 1000;
const startedAt = Date.now();
const rng = createRng(seed);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const qaLead = 'qa-lead@contoso.com';
const engLead = 'eng-lead@contoso.com';

const figures = { releases, kills: 0, duplicateDeliveries: 0, redeliveriesAfterKill: 0 };
const scenario = parse(readFileSync(defaultScenarioPath, 'utf8')) as Record<string, unknown>;
const world = await RestartWorld.begin({ ...scenario, seed } as ScenarioInput);
world.sandbox.injectFault({ operation: '*', status: 429, probability: 0.08, retryAfterSeconds: 1 });
world.sandbox.injectFault({ operation: '*', status: 503, probability: 0.07, retryAfterSeconds: 1 });

const left = (): number => budgetMs - (Date.now() - startedAt);
const kill = async (where: string): Promise<void> => {
  figures.kills += 1;
  process.stdout.write(`  kill #${figures.kills}: ${where}\n`);
  await world.killAndRestart();
};
const maybeKill = async (where: string, chance = 0.35): Promise<void> => {
  if (rng.next() < chance) await kill(where);
};
const deliver = async (event: object): Promise<void> => {
  figures.duplicateDeliveries += 1;
  await fetch(`${world.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
    body: JSON.stringify([event]),
  })
    .then((r) => r.arrayBuffer())
    .catch(() => undefined);
};
const waitingFor = (id: string, stage: string) =>
  world.until(
    id,
    (s, rt) =>
      rt !== 'Running' && rt !== 'Pending'
        ? true
        : s.status === 'WaitingForApproval' && s.waitingFor?.stage === stage,
    Math.max(5_000, Math.min(120_000, left())),
  );
const approve = async (id: string, stage: string, user: string): Promise<void> => {
  for (let i = 0; i < 5; i += 1) {
    const answer = await world.api.approve(id, stage, user).catch(() => undefined);
    if (answer?.status === 202) return;
    await sleep(200);
  }
};

const ids: string[] = [];
try {
  for (let i = 0; i < releases && left() > 30_000; i += 1) {
    const tag = `30.0.${i}`;
    process.stdout.write(`release ${i + 1}/${releases} (${tag})\n`);
    const pushing = world.sandbox.push(`pwbi-api:${tag}`, { profile: 'healthy', deliver: 'twice' });
    figures.duplicateDeliveries += 1; // the second of `twice`
    if (rng.next() < 0.25) {
      await sleep(rng.next() * 25);
      await kill('during the event delivery');
    }
    const pushed = await pushing;
    const id = `pwbi-api-${pushed.digest.slice(7, 27)}`;
    ids.push(id);
    if (pushed.deliveries.some((d) => d.status === 0)) figures.redeliveriesAfterKill += 1;
    await Promise.all([deliver(pushed.event), deliver(pushed.event)]);
    const promote = i % 2 === 1 || i === releases - 1;
    await waitingFor(id, 'staging');
    await maybeKill('waiting for staging approval', 0.25);
    if (!promote) continue;
    await approve(id, 'staging', qaLead);
    await maybeKill('right after an approval', 0.3);
    await waitingFor(id, 'production');
    await approve(id, 'production', engLead);
    if (rng.next() < 0.4) {
      await sleep(rng.next() * 1_500);
      await kill('mid-deploy / mid-swap');
    }
    await world.until(
      id,
      (_s, rt) => rt !== 'Running' && rt !== 'Pending',
      Math.max(5_000, left()),
    );
    // a late duplicate of this push after it finished
    await deliver(pushed.event);
  }
} catch (error) {
  process.stdout.write(`stopped early: ${(error as Error).message.split('\n')[0]}\n`);
}

const outcomes: Record<string, number> = {};
for (const id of ids) {
  const status = await world.status(id);
  const key = status?.customStatus?.status ?? status?.runtimeStatus ?? 'missing';
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}
const swapsByDigest = new Map<string, number>();
for (const r of world.sandbox.armRequests()) {
  if (r.operation !== 'swap' || r.status >= 300 || r.digest === undefined) continue;
  swapsByDigest.set(r.digest, (swapsByDigest.get(r.digest) ?? 0) + 1);
}
const duplicateSwaps = [...swapsByDigest.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
const fired = world.sandbox.faultsFired();
const armCalls = world.sandbox.armRequests().filter((r) => r.operation !== undefined).length;
await world.stop();

const report = {
  seed,
  releasesPushed: ids.length,
  kills: figures.kills,
  duplicateDeliveries: figures.duplicateDeliveries,
  deliveriesCutByAKill: figures.redeliveriesAfterKill,
  faultsInjected: fired.reduce((n, f) => n + f.fired, 0),
  faultsByKind: Object.fromEntries(fired.map((f) => [`${f.op} ${f.kind}`, f.fired])),
  armCalls,
  outcomes,
  swapsIntoProduction: [...swapsByDigest.values()].reduce((n, c) => n + c, 0),
  duplicateSwaps,
  realSeconds: Math.round((Date.now() - startedAt) / 1000),
};
process.stdout.write(`\nchaos figures\n${JSON.stringify(report, null, 2)}\n`);
process.exitCode = duplicateSwaps === 0 ? 0 : 1;
