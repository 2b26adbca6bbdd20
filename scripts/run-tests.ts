// Runs the test tiers in order (unit → integration → e2e) with node:test and prints one
// closing line `N passed, N failed` over all of them. Usage: run-tests.ts [TIER…] [--only WORD] Skipped or todo tests count as failures:
// a skipped test is not a passing test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tiers = {
  unit: { dir: 'tests/unit', concurrency: 2, timeoutMs: 60_000 },
  integration: { dir: 'tests/integration', concurrency: 2, timeoutMs: 120_000 },
  e2e: { dir: 'tests/e2e', concurrency: 2, timeoutMs: 180_000 },
} as const;
type Tier = keyof typeof tiers;

// `--only WORD` keeps the test files whose path contains WORD (e.g. `--only devhost`).
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const names = (args.length > 0 ? args : Object.keys(tiers)) as Tier[];
for (const name of names) {
  if (!(name in tiers)) {
    console.error(`run-tests: expected a tier (${Object.keys(tiers).join(', ')}), got "${name}"`);
    process.exit(2);
  }
}

const totals = { pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'slotpilot-tests-'));
try {
  for (const name of names) {
    const tier = tiers[name];
    const files = testFiles(tier.dir);
    console.log(
      `\n=== ${name}: ${files.length} test file${files.length === 1 ? '' : 's'} in ${tier.dir}`,
    );
    if (files.length === 0) continue;
    const tap = join(scratch, `${name}.tap`);
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        `--test-concurrency=${tier.concurrency}`,
        `--test-timeout=${tier.timeoutMs}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
      { stdio: 'inherit' },
    );
    const counts = tapCounts(readFileSync(tap, 'utf8'));
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    if (run.status !== 0 && counts.fail === 0) totals.fail += 1; // a crash outside any test
    console.log(`=== ${name}: ${counts.pass} passed, ${counts.fail} failed`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const notRun = totals.skipped + totals.todo + totals.cancelled;
if (notRun > 0) console.log(`${notRun} test(s) skipped, todo or cancelled: counted as failed`);
console.log(`${totals.pass} passed, ${totals.fail + notRun} failed`);
process.exit(totals.fail + notRun > 0 ? 1 : 0);

function testFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries
    .filter((f) => f.endsWith('.test.ts') && (only === undefined || join(dir, f).includes(only)))
    .map((f) => join(dir, f))
    .sort();
}

function tapCounts(text: string): typeof totals {
  const read = (key: string): number => {
    const matches = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return Number(matches.at(-1)?.[1] ?? 0);
  };
  return {
    pass: read('pass'),
    fail: read('fail'),
    skipped: read('skipped'),
    todo: read('todo'),
    cancelled: read('cancelled'),
  };
}
