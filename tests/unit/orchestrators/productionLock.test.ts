import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { productionLock } from '../../../src/orchestrators/production/productionLock.js';
import { runOrchestration } from './support/FakeOrchestration.js';

const input = { site: 'pwbi-api-prod', holder: 'rel-a-production', releaseId: 'rel-a' };

describe('productionLock', () => {
  it('ignores a release from another instance and ends on its holder’s release', () => {
    const r = runOrchestration<string>(
      productionLock,
      input,
      {
        activities: { isInstanceActive: () => true },
        events: [
          { name: 'release', data: { holder: 'rel-b-production' }, atMs: 1_000 },
          { name: 'release', data: { holder: 'rel-a-production' }, atMs: 2_000 },
        ],
      },
      'lock-pwbi-api-prod',
    );
    assert.equal(r.output, 'released by rel-a-production');
    assert.equal(r.elapsedMs, 2_000);
  });

  it('frees itself when the holder no longer runs', () => {
    const r = runOrchestration<string>(
      productionLock,
      input,
      {
        activities: { isInstanceActive: (_: unknown, n: number) => n < 3 },
      },
      'lock-pwbi-api-prod',
    );
    assert.equal(r.output, 'holder rel-a-production ended');
    assert.equal(r.elapsedMs, 15 * 60_000);
  });
});
