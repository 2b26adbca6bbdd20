/**
 * Cold-start benchmark (prints figures; not a test): how long a fresh Node process takes to
 * import the built app (package.json `main`, the bundle the Functions worker loads) against the
 * bare `@azure/functions` + `durable-functions` pair every Durable app pays. Each run is a new
 * `node` process with the dev host's stand-in `@azure/functions-core` installed first (as the
 * worker provides it) and local.settings.json's values as the environment; app and bare runs
 * alternate so that machine load hits both alike. Prints the median of each and the ratio
 * (issue 14's target: at most 1.25), with the spread (quartiles) of each side: wall-clock
 * time, and the CPU time the import used (user + system), which a busy machine disturbs less.
 * Usage: npm run build && npx tsx bench/coldStart.ts [--runs 9]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1] ?? 9) : 9;

const { main } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
};
const appEntry = path.join(repoRoot, main);
const coreApi = path.join(repoRoot, 'dist/devhost/load/installCoreApi.js');
const registry = path.join(repoRoot, 'dist/devhost/load/FunctionRegistry.js');
if (!existsSync(appEntry) || !existsSync(coreApi)) {
  throw new Error(`${appEntry}: not built; run npm run build first`);
}

const targets = {
  bare: ['@azure/functions', 'durable-functions'],
  app: [pathToFileURL(appEntry).href],
} as const;
type Target = keyof typeof targets;

/** The child's script: install the stand-in, then time the imports alone. */
function childScript(target: Target): string {
  return [
    `const { installCoreApi } = await import(${JSON.stringify(pathToFileURL(coreApi).href)});`,
    `const { FunctionRegistry } = await import(${JSON.stringify(pathToFileURL(registry).href)});`,
    `installCoreApi(new FunctionRegistry(), () => {});`,
    `const t0 = performance.now();`,
    `const cpu0 = process.cpuUsage();`,
    ...targets[target].map((id) => `await import(${JSON.stringify(id)});`),
    `const cpu = process.cpuUsage(cpu0);`,
    `process.stdout.write(JSON.stringify([performance.now() - t0, (cpu.user + cpu.system) / 1000]));`,
  ].join('\n');
}

function localSettings(): Record<string, string> {
  const file = JSON.parse(readFileSync(path.join(repoRoot, 'local.settings.json'), 'utf8')) as {
    Values?: Record<string, string>;
  };
  return file.Values ?? {};
}

/** One fresh process's import: wall-clock and CPU milliseconds. */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

function runOnce(target: Target, env: NodeJS.ProcessEnv): Sample {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '--eval', childScript(target)],
    {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    },
  );
  const [wallMs, cpuMs] = JSON.parse(out) as unknown[];
  if (typeof wallMs !== 'number' || typeof cpuMs !== 'number') {
    throw new Error(`${target}: expected [wall ms, cpu ms], got ${out}`);
  }
  return { wallMs, cpuMs };
}

/** The `q` quantile (0..1) of `values`, interpolated. */
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

const env = { ...process.env, ...localSettings() };
const samples: Record<Target, Sample[]> = { bare: [], app: [] };
runOnce('app', env); // warm the file cache once; not counted
for (let i = 0; i < runs; i++) {
  const order: Target[] = i % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
  for (const target of order) samples[target].push(runOnce(target, env));
}
/** `median ms (quartiles)` of one side. */
function figure(values: number[]): string {
  const q = (p: number): string => quantile(values, p).toFixed(0);
  return `${q(0.5).padStart(6)} ms  (quartiles ${q(0.25)}–${q(0.75)})`;
}
console.log(`cold import, median of ${runs} fresh processes each (alternating):`);
for (const [label, of] of [
  ['wall clock', (s: Sample) => s.wallMs],
  ['CPU time', (s: Sample) => s.cpuMs],
] as const) {
  const bare = samples.bare.map(of);
  const app = samples.app.map(of);
  const ratio = quantile(app, 0.5) / quantile(bare, 0.5);
  console.log(`${label}:`);
  console.log(`  ${'@azure/functions + durable-functions'.padEnd(37)}${figure(bare)}`);
  console.log(`  ${`app (${main})`.padEnd(37)}${figure(app)}`);
  console.log(`  ratio app / bare                      ${ratio.toFixed(2).padStart(6)}×`);
}
