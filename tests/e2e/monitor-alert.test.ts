import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { MonitorStatus } from '../../src/orchestrators/monitor/index.js';
import {
  monitorResult,
  type PipelineWorld,
  rollbackMessages,
  startMonitorWorld,
  untilMonitor,
} from './monitor-world.js';
import { alertsActionGroup } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

describe('monitoring: an Azure Monitor alert push', () => {
  let world: PipelineWorld;
  before(async () => {
    // The dev host checks function keys as Azure does
    world = await startMonitorWorld({}, { strictAuth: true });
  });

  const prodSiteId = (subscription = world.sandbox.subscriptionId) =>
    `/subscriptions/${subscription}/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites/pwbi-api-prod`;
  const fire = (condition: 'Fired' | 'Resolved' = 'Fired', targetResourceId = prodSiteId()) =>
    world.sandbox.fireAlert(alertsActionGroup, {
      rule: 'pwbi-api-prod 5xx',
      severity: 'Sev1',
      targetResourceId,
      condition,
      description: 'Http5xx > 10 over 5 minutes',
    });
  after(async () => {
    await world?.stop();
  });

  it('needs the alerts function key, never a user identity, and names a malformed field', async () => {
    const url = `${world.host.url}/api/alerts`;
    const post = (query: string, headers: Record<string, string> = {}, body: unknown = {}) =>
      fetch(`${url}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    // A user's bearer token is not a key: refused by the host
    assert.equal((await post('', { authorization: 'Bearer x' })).status, 401);
    // Another function's own key does not open the alerts route
    assert.equal((await post(`?code=${world.host.functionKeyOf('getRelease')}`)).status, 401);
    // The alerts function's key does, without any identity; a bad body names the field
    const bad = await post(
      `?code=${world.host.functionKeyOf('alertPush')}`,
      {},
      {
        schemaId: 'azureMonitorCommonAlertSchema',
        data: {},
      },
    );
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.text, /data\.essentials/);
  });

  it('rolls the release in its window back at once, without waiting for the next tick', async () => {
    const { pushed, nextTickAt, swapsBefore } = await Given(
      'a healthy release being watched',
      async () => {
        const pushed = await world.releaseToProduction('6.0.0', 'healthy');
        const watching = await untilMonitor(
          world,
          pushed.releaseId,
          (s) => (s.monitor?.samples.length ?? 0) >= 3,
        );
        const nextTickAt = (watching.customStatus as MonitorStatus).monitor?.nextTickAt ?? '';
        return { pushed, nextTickAt, swapsBefore: world.swapCalls() };
      },
    );

    await When('a resolved alert arrives, then nothing happens', async () => {
      const resolved = await fire('Resolved');
      assert.equal(resolved.status, 202);
      assert.deepEqual((resolved.body as { releases: string[] }).releases, []);
    });

    await And(
      'a fired one on a site of the same name in another subscription reaches nothing either',
      async () => {
        const elsewhere = await fire('Fired', prodSiteId('00000000-0000-0000-0000-0000000000ff'));
        assert.equal(elsewhere.status, 202);
        assert.deepEqual((elsewhere.body as { releases: string[] }).releases, []);
      },
    );

    await When(
      "a fired one arrives, it is answered with Slotpilot's own status URL of the release it reached, never Durable's",
      async () => {
        const fired = await fire();
        assert.equal(fired.status, 202, JSON.stringify(fired.body));
        assert.deepEqual((fired.body as { releases: string[] }).releases, [pushed.releaseId]);
        assert.equal(
          (fired.body as { statusQueryGetUri: string }).statusQueryGetUri,
          `${world.host.url}/api/releases/${pushed.releaseId}`,
        );
      },
    );

    await Then('the swap back starts before any virtual time passes', async () => {
      await world.host.settle();
      assert.equal(
        world.swapCalls(),
        swapsBefore + 1,
        'swap back requested without advancing time',
      );
    });

    await And(
      'the monitor rolls back on the alert, decided before the next tick was due',
      async () => {
        const result = await monitorResult(world, pushed.releaseId);
        assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
        assert.equal(result.trigger, 'alert');
        assert.match(result.reason, /alert "pwbi-api-prod 5xx" \(Sev1\) fired/);
        assert.ok(result.decidedAt < nextTickAt, `${result.decidedAt} < ${nextTickAt}`);
        assert.equal(result.evidence['alertRule'], 'pwbi-api-prod 5xx');
        assert.match(JSON.stringify(result), /azure-monitor/);
        assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
        assert.ok(rollbackMessages(world).some((t) => /Azure Monitor alert/.test(t)));
      },
    );

    await And(
      'a plain alert for a site with no release in its window reaches nothing',
      async () => {
        const none = await fire();
        assert.equal(none.status, 202);
        assert.deepEqual((none.body as { releases: string[] }).releases, []);
      },
    );
  });
});
