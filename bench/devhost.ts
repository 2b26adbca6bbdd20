/**
 * Dev host benchmark (prints figures; not a test). Measures:
 *  - the median wall time of one durable step (no-op activity completes → next episode →
 *    next activity completes) in a 200-step sequence on one instance;
 *  - the throughput of 200 concurrent instances × 10 sequential no-op activities.
 * Usage: npm run bench:devhost [-- --db memory|file]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startDevHost } from '../devhost/index.js';

const appDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/devhost-app',
);
const api = '/runtime/webhooks/durabletask';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function run(dbKind: 'memory' | 'file'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'devhost-bench-'));
  const completions = new Map<string, number[]>();
  const host = await startDevHost({
    appDir,
    db: dbKind === 'memory' ? ':memory:' : path.join(dir, 'bench.db'),
    log: (line) => {
      const m = /^activity Noop#\d+ of (\S+) completed/.exec(line);
      if (m?.[1] === undefined) return;
      const list = completions.get(m[1]) ?? [];
      list.push(performance.now());
      completions.set(m[1], list);
    },
  });
  try {
    const start = (id: string, n: number): Promise<Response> =>
      fetch(`${host.url}${api}/orchestrators/Sequence/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: String(n),
      });

    // Warm-up (JIT, SQLite statement cache).
    await start('warm', 50);
    await host.waitFor('warm', (s) => s.runtimeStatus === 'Completed', { realTimeoutMs: 60_000 });

    const steps = 200;
    const t0 = performance.now();
    await start('seq', steps);
    await host.waitFor('seq', (s) => s.runtimeStatus === 'Completed', { realTimeoutMs: 120_000 });
    const seqMs = performance.now() - t0;
    const times = completions.get('seq') ?? [];
    const deltas = times.slice(1).map((t, i) => t - (times[i] ?? t));

    const instances = 200;
    const perInstance = 10;
    const t1 = performance.now();
    await Promise.all(Array.from({ length: instances }, (_, i) => start(`par-${i}`, perInstance)));
    for (let i = 0; i < instances; i++) {
      await host.waitFor(`par-${i}`, (s) => s.runtimeStatus === 'Completed', {
        realTimeoutMs: 300_000,
      });
    }
    const parMs = performance.now() - t1;
    const total = instances * perInstance;

    console.log(`db=${dbKind}`);
    console.log(
      `  one step (activity complete -> episode -> next activity complete): median ${median(deltas).toFixed(2)} ms, p90 ${[...deltas].sort((a, b) => a - b)[Math.floor(deltas.length * 0.9)]?.toFixed(2)} ms over ${deltas.length} steps (sequence of ${steps} took ${seqMs.toFixed(0)} ms)`,
    );
    console.log(
      `  throughput: ${instances} instances x ${perInstance} sequential no-op activities = ${total} steps in ${parMs.toFixed(0)} ms -> ${((total / parMs) * 1000).toFixed(0)} steps/s`,
    );
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const arg = process.argv.indexOf('--db');
const kinds =
  arg >= 0 ? [process.argv[arg + 1] as 'memory' | 'file'] : (['file', 'memory'] as const);
for (const kind of kinds) await run(kind);
