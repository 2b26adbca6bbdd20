/**
 * Activity bench (prints figures; not a test): how many activity executions one healthy
 * release takes, by activity, read from the dev host's SQLite store. The release runs the
 * repository's slotpilot.yaml (all hooks, warm-up, one hour of monitoring at one sample a
 * minute) on the dev host and the sandbox with a virtual clock, as the e2e tests drive it.
 * Usage: npx tsx bench/activities.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PipelineWorld } from '../tests/e2e/support/PipelineWorld.js';
import { countStore } from './costCount.js';

const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-activities-'));
const db = path.join(dir, 'devhost.sqlite');
const world = await PipelineWorld.start({ db, config: { monitor: true, warmupSuccesses: 10 } });
try {
  const pushed = await world.releaseToProduction('1.0.0', 'healthy');
  const done = await world.untilEnded(pushed.releaseId);
  await world.host.settle();
  const counts = countStore(db, [pushed.releaseId, 'lock-']);
  const byName = Object.entries(counts.activitiesByName)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  console.log(`healthy release → ${done.status}`);
  console.log(`activity executions per healthy release: ${counts.activities}`);
  console.log(`by activity: ${byName}`);
} finally {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
}
