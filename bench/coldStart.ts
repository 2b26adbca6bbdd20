/**
 * Cold-start benchmark (prints figures; not a test): how long a fresh Node process takes to
 * import the compiled app (dist/src/index.js, what the Functions worker loads) against the
 * bare `@azure/functions` + `durable-functions` pair every Durable app pays. Each run is a new
 * `node` process with the dev host's stand-in `@azure/functions-core` installed first (as the
 * worker provides it) and local.settings.json's values as the environment; app and bare runs
 * alternate so that machine load hits both alike. Prints the median of each and the ratio
 * (issue 14's target: at most 1.25).
 * Usage: npm run build && npx tsx bench/coldStart.ts [--runs 9]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1] ?? 9) : 9;

const appEntry = path.join(repoRoot, 'dist/src/index.js');
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
    ...targets[target].map((id) => `await import(${JSON.stringify(id)});`),
    `process.stdout.write(String(performance.now() - t0));`,
  ].join('\n');
}

function localSettings(): Record<string, string> {
  const file = JSON.parse(readFileSync(path.join(repoRoot, 'local.settings.json'), 'utf8')) as {
    Values?: Record<string, string>;
  };
  return file.Values ?? {};
}

function runOnce(target: Target, env: NodeJS.ProcessEnv): number {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '--eval', childScript(target)],
    {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    },
  );
  const ms = Number(out);
  if (!Number.isFinite(ms)) throw new Error(`${target}: expected a duration, got ${out}`);
  return ms;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const env = { ...process.env, ...localSettings() };
const times: Record<Target, number[]> = { bare: [], app: [] };
runOnce('app', env); // warm the file cache once; not counted
for (let i = 0; i < runs; i++) {
  const order: Target[] = i % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
  for (const target of order) times[target].push(runOnce(target, env));
}
const bare = median(times.bare);
const app = median(times.app);
console.log(`cold import, median of ${runs} fresh processes each (alternating):`);
console.log(`  @azure/functions + durable-functions  ${bare.toFixed(0).padStart(6)} ms`);
console.log(`  app (dist/src/index.js)               ${app.toFixed(0).padStart(6)} ms`);
console.log(`  ratio app / bare                      ${(app / bare).toFixed(2).padStart(6)}×`);
