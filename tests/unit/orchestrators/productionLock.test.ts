import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  holderCheckIntervalMs,
  productionLock,
} from '../../../src/orchestrators/production/productionLock.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';

const input = { site: 'pwbi-api-prod', holder: 'rel-a-production', releaseId: 'rel-a' };

describe('productionLock', () => {
  it('holds until its holder no longer runs, checking every 15 minutes on timers only', async () => {
    const r = await runOrchestration<string>(
      productionLock,
      input,
      { activities: { isInstanceActive: (_: unknown, n: number) => n < 3 } },
      'lock-pwbi-api-prod',
    );
    assert.equal(r.output, 'holder rel-a-production ended');
    assert.equal(holderCheckIntervalMs, 15 * 60_000);
    assert.equal(r.elapsedMs, 3 * holderCheckIntervalMs);
    assert.deepEqual(r.statuses[0], { heldBy: 'rel-a', holder: 'rel-a-production' });
  });
});
