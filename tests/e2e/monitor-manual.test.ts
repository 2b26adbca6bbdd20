import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createAdapters, createClients } from '../../src/azure/index.js';
import {
  monitorResult,
  type PipelineWorld,
  startMonitorWorld,
  untilMonitor,
  users,
} from './monitor-world.js';
import { appSettingsFor } from './support/appSettings.js';
import { And, Given, Then, When } from './support/steps.js';

const prod = (world: PipelineWorld) => ({
  subscription: world.sandbox.subscriptionId,
  resourceGroup: 'pwbi-prod',
  site: 'pwbi-api-prod',
});

describe('monitoring: manual rollback', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await startMonitorWorld({ duration: '5m' });
  });
  after(async () => {
    await world?.stop();
  });

  it('is refused for an unknown release, a stranger, and a release not swapped yet', async () => {
    const pushed = await Given('a release waiting for staging', async () => {
      const pushed = await world.push('7.0.0', 'healthy');
      await world.untilWaitingFor(pushed.releaseId, 'staging');
      return pushed;
    });
    await Then(
      'a rollback is 404 for an unknown release, 401 without a user, 403 from a stranger, 400 without a reason, 409 before the swap',
      async () => {
        assert.equal((await world.api.rollback('nope', users.engLead, 'x')).status, 404);
        const path = `/api/releases/${pushed.releaseId}/rollback`;
        assert.equal((await world.api.call('POST', path, { reason: 'x' })).status, 401);
        assert.equal((await world.api.rollback(pushed.releaseId, users.stranger, 'x')).status, 403);
        assert.equal((await world.api.call('POST', path, {}, users.engLead)).status, 400);
        const early = await world.api.rollback(pushed.releaseId, users.engLead, 'x');
        assert.equal(early.status, 409, JSON.stringify(early.body));
      },
    );
    assert.equal(
      (await world.api.cancel(pushed.releaseId, users.engLead, 'done with it')).status,
      202,
    );
    await world.untilEnded(pushed.releaseId);
  });

  it('rolls back during the window at once', async () => {
    const pushed = await Given('a release being monitored in production', async () => {
      const pushed = await world.releaseToProduction('7.1.0', 'healthy');
      await untilMonitor(world, pushed.releaseId, (s) => s.monitor?.nextTickAt !== undefined);
      return pushed;
    });

    await When('the production approver asks for a rollback', async () => {
      const answer = await world.api.rollback(
        pushed.releaseId,
        users.engLead,
        'customers report errors',
      );
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    });

    await Then(
      'the monitor rolls back at once and production serves the previous digest',
      async () => {
        const result = await monitorResult(world, pushed.releaseId);
        assert.ok(result.outcome === 'rolledBack', JSON.stringify(result));
        assert.equal(result.trigger, 'manual');
        assert.equal(result.reason, 'customers report errors');
        assert.equal((await world.untilEnded(pushed.releaseId)).status, 'RolledBack');
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
      },
    );

    await And('a second request finds it rolled back already', async () => {
      const again = await world.api.rollback(pushed.releaseId, users.engLead, 'again');
      assert.equal(again.status, 409);
    });
  });

  it('rolls back after the window while the slot still holds the previous version', async () => {
    const { pushed, swaps } = await Given('a release that passed its window', async () => {
      const pushed = await world.releaseToProduction('7.2.0', 'healthy');
      assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Succeeded');
      return { pushed, swaps: world.swapCalls() };
    });

    const answer = await When('the production approver asks for a rollback', () =>
      world.api.rollback(pushed.releaseId, users.engLead, 'late bug'),
    );

    await Then("it is accepted at once, pointing at the release's status URL", () => {
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      assert.equal(
        answer.headers.get('location'),
        (answer.body as { statusQueryGetUri: string }).statusQueryGetUri,
      );
      assert.match(
        answer.headers.get('location') ?? '',
        new RegExp(`/api/releases/${pushed.releaseId}$`),
      );
    });

    await And(
      'the status URL shows the rollback in progress, then the previous version swapped back',
      async () => {
        const views = await world.followStatus(answer, (v) => v.status === 'RolledBack');
        const [first] = views;
        assert.ok(first?.rollbackRequest !== undefined, JSON.stringify(first));
        const done = views[views.length - 1];
        assert.equal(done?.rollbackRequest?.phase, 'rolledBack', JSON.stringify(done));
        assert.ok(done.rollback?.swapBackCompletedAt !== undefined, JSON.stringify(done.rollback));
        assert.equal(world.swapCalls(), swaps + 1);
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
      },
    );

    await And('a second request finds it rolled back already', async () => {
      const again = await world.api.rollback(pushed.releaseId, users.engLead, 'again');
      assert.equal(again.status, 409, JSON.stringify(again.body));
    });
  });

  it('is refused (nothing changed) when the slot was changed meanwhile, and may be asked again', async () => {
    const { pushed, swaps } = await Given(
      'a release that passed its window, and then someone deployed another image to the slot',
      async () => {
        const pushed = await world.releaseToProduction('7.3.0', 'healthy');
        assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Succeeded');
        const other = await world.sandbox.push('pwbi-api:7.3.1', {
          profile: 'healthy',
          deliver: 'none',
        });
        const adapters = createAdapters(
          createClients(appSettingsFor(world.sandbox, 'unused.yaml')),
        );
        await adapters.appService.deployImage({ ...prod(world), slot: 'staging' }, other.image);
        return { pushed, swaps: world.swapCalls() };
      },
    );
    const ask = () => world.api.rollback(pushed.releaseId, users.engLead, 'too late');

    const answer = await When('a rollback is asked for', async () => {
      const answer = await ask();
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      return answer;
    });

    await Then(
      'the status URL shows it refused, saying why, and production keeps the release',
      async () => {
        const views = await world.followStatus(
          answer,
          (v) => v.rollbackRequest?.phase === 'refused',
        );
        const refused = views[views.length - 1];
        assert.match(refused?.rollbackRequest?.error ?? '', /still run the previous digest/);
        assert.match(refused?.step ?? '', /rollback refused/);
        assert.equal(refused?.status, 'Succeeded');
        assert.equal(world.swapCalls(), swaps);
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
      },
    );

    await And(
      'a refused rollback changed nothing, so it may be asked for again (refused again)',
      async () => {
        const retry = await ask();
        assert.equal(retry.status, 202, JSON.stringify(retry.body));
        const again = await world.followStatus(
          retry,
          (v) => v.rollbackRequest?.phase === 'refused',
        );
        assert.equal(again[again.length - 1]?.rollbackRequest?.phase, 'refused');
        assert.equal(world.swapCalls(), swaps);
      },
    );
  });
});
