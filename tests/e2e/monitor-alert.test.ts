import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { MonitorCustomStatus } from '../../src/orchestrators/monitor/index.js';
import {
  monitorResult,
  type PipelineWorld,
  releaseToProduction,
  rollbackMessages,
  startMonitorWorld,
  untilMonitor,
  users,
} from './monitor-world.js';

function commonAlert(subscriptionId: string, condition = 'Fired') {
  return {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: `/subscriptions/${subscriptionId}/providers/Microsoft.AlertsManagement/alerts/1`,
        alertRule: 'pwbi-api-prod 5xx',
        severity: 'Sev1',
        signalType: 'Metric',
        monitorCondition: condition,
        monitoringService: 'Platform',
        alertTargetIDs: [
          `/subscriptions/${subscriptionId}/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites/pwbi-api-prod`,
        ],
        configurationItems: ['pwbi-api-prod'],
        description: 'Http5xx > 10 over 5 minutes',
        essentialsVersion: '1.0',
        alertContextVersion: '1.0',
      },
      alertContext: {},
    },
  };
}

describe('monitoring: an Azure Monitor alert push', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('is refused without an identity and when malformed, naming the field', async () => {
    const anonymous = await world.api.call('POST', '/api/alerts', commonAlert('x'));
    assert.equal(anonymous.status, 401);
    const bad = await world.api.call(
      'POST',
      '/api/alerts',
      { schemaId: 'azureMonitorCommonAlertSchema', data: {} },
      users.engLead,
    );
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /data\.essentials/);
  });

  it('rolls the release in its window back at once, without waiting for the next tick', async () => {
    // Given a healthy release being watched
    const previous = world.sandbox.siteState('pwbi-api-prod').digest;
    const pushed = await releaseToProduction(world, '6.0.0', 'healthy');
    const watching = await untilMonitor(
      world,
      pushed.releaseId,
      (s) => (s.monitor?.samples.length ?? 0) >= 3,
    );
    const nextTickAt = (watching.customStatus as MonitorCustomStatus).monitor?.nextTickAt ?? '';
    const swapsBefore = world.swapCalls();

    // When a resolved alert arrives nothing happens; when a fired one arrives...
    const resolved = await world.api.call(
      'POST',
      '/api/alerts',
      commonAlert(world.sandbox.subscriptionId, 'Resolved'),
      users.engLead,
    );
    assert.equal(resolved.status, 202);
    assert.deepEqual((resolved.body as { releases: string[] }).releases, []);
    const fired = await world.api.call(
      'POST',
      '/api/alerts',
      commonAlert(world.sandbox.subscriptionId),
      users.engLead,
    );
    assert.equal(fired.status, 202, JSON.stringify(fired.body));
    assert.deepEqual((fired.body as { releases: string[] }).releases, [pushed.releaseId]);

    // Then the swap back starts before any virtual time passes
    await world.host.settle();
    assert.equal(world.swapCalls(), swapsBefore + 1, 'swap back requested without advancing time');

    // And the monitor rolls back on the alert, decided before the next tick was due
    const result = await monitorResult(world, pushed.releaseId);
    assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
    assert.equal(result.trigger, 'alert');
    assert.match(result.reason, /alert "pwbi-api-prod 5xx" \(Sev1\) fired/);
    assert.ok(result.decidedAt < nextTickAt, `${result.decidedAt} < ${nextTickAt}`);
    assert.equal(result.evidence['alertRule'], 'pwbi-api-prod 5xx');
    assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previous);
    assert.ok(rollbackMessages(world).some((t) => /Azure Monitor alert/.test(t)));

    // And a plain alert for a site with no release in its window reaches nothing
    const none = await world.api.call(
      'POST',
      '/api/alerts',
      { site: 'pwbi-api-prod', reason: 'again' },
      users.engLead,
    );
    assert.equal(none.status, 202);
    assert.deepEqual((none.body as { releases: string[] }).releases, []);
  });
});
