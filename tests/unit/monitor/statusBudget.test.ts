import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MonitorResult, RollbackReleaseInput } from '../../../src/domain/monitor/contract.js';
import type { MonitorStatus } from '../../../src/orchestrators/monitor/index.js';
import { monitorRelease, rollbackRelease } from '../../../src/orchestrators/monitor/index.js';
import { fakeStartMs } from '../support/durable/fakeTime.js';
import {
  durableLimitUnits,
  largestStatus,
  longestEmail,
  withMarginUnits,
  worstAlertRollback,
  worstText,
} from '../support/worstCase.js';
import { monitorInput, previousDigest } from './support/fakeWorld.js';
import { runWithWorld } from './support/runMonitor.js';

const min = 60_000;
const iso = (ms: number): string => new Date(fakeStartMs + ms).toISOString();

function assertFits(statuses: unknown[]): void {
  const largest = largestStatus(statuses);
  if (process.env['BUDGET_REPORT'] !== undefined) console.log(`largest monitor status: ${largest}`);
  assert.ok(largest <= withMarginUnits, `largest custom status ${largest} UTF-16 units`);
  assert.ok(withMarginUnits < durableLimitUnits);
}

describe('custom status budget: rollbackRelease', () => {
  it('fits a manual rollback by the longest identity with the longest costliest reason', async () => {
    const { carry: _carry, ...monitor } = monitorInput();
    const input: RollbackReleaseInput = {
      monitor,
      request: { source: 'manual', by: longestEmail('eng', 254), reason: worstText(), at: iso(0) },
    };
    const { run, world } = await runWithWorld(rollbackRelease, input);
    assert.ok(run.output?.outcome === 'rolledBack', String(run.error));
    assert.equal(world.slots.get('production'), previousDigest);
    assertFits(run.statuses);
    const last = run.lastStatus<MonitorStatus>();
    assert.equal(last.status, 'RolledBack');
    assert.ok(last.rollback?.reason.includes(input.request.reason), 'the reason is kept whole');
  });
});

describe('custom status budget: an alert into monitorRelease', () => {
  it('fits a 20 KB alert (every text field, control characters, 100 targets) after 45 samples', async () => {
    const site =
      '/subscriptions/sub-1/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites/pwbi-api-prod';
    const targets = [site, ...Array.from({ length: 99 }, (_, i) => `${site}-${i}`)];
    // What the alerts route raises on the monitor (src/functions/alerts.ts).
    const request = worstAlertRollback(
      targets,
      'azure-monitor (app 00000000-0000-0000-0000-000000000000)',
      iso(45 * min),
    );
    const { run, world } = await runWithWorld(monitorRelease, monitorInput(), {}, [
      { name: 'rollback', data: request, atMs: 45 * min },
    ]);
    const out = run.output as MonitorResult;
    assert.ok(out.outcome === 'rolledBack', String(run.error));
    assert.equal(out.trigger, 'alert');
    assert.equal(world.record.swaps, 1, 'production swapped back');
    assertFits(run.statuses);
    const last = run.lastStatus<MonitorStatus>();
    assert.equal(last.status, 'RolledBack');
    assert.ok((last.monitor?.samples.length ?? 0) > 0, 'the newest samples stay');
    assert.equal(last.rollback?.reason, request.reason, 'the clipped alert reason is kept whole');
  });
});
