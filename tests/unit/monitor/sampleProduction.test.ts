import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createActivities } from '../../../src/activities/createActivities.js';
import { NonRetryableError } from '../../../src/domain/errors.js';
import { fakeWorld, monitorInput, throttled } from './support/fakeWorld.js';

const { site } = monitorInput();
const query = {
  pipeline: 'pwbi-api',
  stage: 'production',
  table: 'AppRequests' as const,
  hostNames: ['pwbi-api-prod.azurewebsites.net'],
  fromIso: '2026-01-01T10:00:00.000Z',
  toIso: '2026-01-01T10:05:00.000Z',
};
const probe = { site, path: '/health', timeoutMs: 1000 };

describe('monitorSampleProduction', () => {
  it('reads health and request stats side by side', async () => {
    const world = fakeWorld();
    const out = await createActivities(world.deps).monitorSampleProduction({ probe, query });
    assert.equal(out.health.ok, true);
    assert.equal(out.stats?.requests, 600);
    assert.equal(out.queryError, undefined);
  });

  it('probes without querying when no window exists yet', async () => {
    const world = fakeWorld();
    const out = await createActivities(world.deps).monitorSampleProduction({ probe });
    assert.equal(out.health.ok, true);
    assert.equal(out.stats, undefined);
    assert.equal(world.record.queries.length, 0);
  });

  it('returns a failed query with its retry advice instead of throwing', async () => {
    const world = fakeWorld({ queryFails: () => throttled() });
    const out = await createActivities(world.deps).monitorSampleProduction({ probe, query });
    assert.deepEqual(out.queryError, {
      message: 'Logs query: 429 Too Many Requests',
      retryable: true,
      afterMs: 1000,
    });
    assert.equal(out.health.ok, true);
    const refused = fakeWorld({ queryFails: () => new NonRetryableError('400 BadArgumentError') });
    const out2 = await createActivities(refused.deps).monitorSampleProduction({
      probe,
      query,
    });
    assert.equal(out2.queryError?.retryable, false);
  });

  it('reports health as unknown when production cannot be read, still querying', async () => {
    const world = fakeWorld();
    world.deps.appService.getSlot = () => Promise.reject(new Error('ARM 503'));
    const out = await createActivities(world.deps).monitorSampleProduction({ probe, query });
    assert.equal(out.health.unknown, true);
    assert.equal(out.health.ok, false);
    assert.match(out.health.detail, /ARM 503/);
    assert.equal(out.stats?.requests, 600);
  });
});
