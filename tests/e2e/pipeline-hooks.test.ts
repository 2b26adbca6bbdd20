import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { stageInstanceId } from '../../src/domain/release/index.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';
import { Given, Then, When } from './support/steps.js';

const minuteMs = 60_000;

describe('pipeline: staging gate hooks', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('a failing migrate runs the onFailure hooks and fails the release before production', async () => {
    const prodBefore = await Given('migrate fails', () => {
      world.sandbox.setHook('migrate', 'fail');
      return world.sandbox.siteState('pwbi-api-prod', 'staging').digest;
    });

    const pushed = await When('an image is pushed and staging approved', () =>
      world.pushAndApproveStaging('2.0.0'),
    );

    await Then('the backup ran, migrate failed, restore ran, and the release failed', async () => {
      const done = await world.untilEnded(pushed.releaseId);
      assert.equal(done.status, 'Failed');
      assert.match(done.step, /hook migrate failed/);
      const staging = done.stages[1];
      assert.equal(staging?.status, 'Failed');
      assert.deepEqual(
        staging?.checks.map((c) => [c.name, c.status]),
        [
          ['smoke', 'Passed'],
          ['db-backup', 'Passed'],
          ['migrate', 'Failed'],
          ['restore', 'Passed'],
        ],
      );
      assert.equal(world.sandbox.hookCalls('restore').length, 1);
      assert.equal(world.sandbox.hookCalls('e2e').length, 0, 'verify hooks never ran');
      assert.equal(done.stages[2]?.status, 'Skipped');
      assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').digest, prodBefore);
    });
  });

  it('a hook that answers 202 and never calls back fails the stage at its timeout', async (t) => {
    const startedAt = await Given(
      'migrate passes and e2e (timeout 30m) hangs after answering 202',
      () => {
        world.sandbox.setHook('migrate', 'pass');
        world.sandbox.setHook('e2e', 'hang');
        return world.clock.now();
      },
    );

    const { pushed, approvedAt } = await When(
      'an image is pushed and staging approved',
      async () => {
        const pushed = await world.push('2.0.1');
        await world.untilWaitingFor(pushed.releaseId, 'staging');
        const approvedAt = world.clock.now();
        await world.approve(pushed.releaseId, 'staging', users.qaLead);
        return { pushed, approvedAt };
      },
    );

    await Then(
      'the stage fails once the e2e deadline passed, and nothing reaches production',
      async () => {
        const done = await world.untilEnded(pushed.releaseId);
        assert.equal(done.status, 'Failed');
        assert.match(done.step, /hook e2e failed: timed out after 30m/);
        const e2e = done.stages[1]?.checks.find((c) => c.name === 'e2e');
        assert.equal(e2e?.status, 'Failed');
        assert.ok(world.clock.now() - approvedAt >= 30 * minuteMs, 'waited the whole hook timeout');
        assert.equal(
          world.sandbox.hookCalls('restore').length,
          1,
          'only the first release restored',
        );
        t.diagnostic(`real ${world.realElapsedMs()} ms since the world started`);
        assert.ok(world.clock.now() - startedAt >= 30 * minuteMs);
      },
    );
  });

  it('a cancel stops a release while its staging hooks run', async () => {
    const pushed = await Given(
      "e2e still hangs, a release is running staging's verify hooks",
      async () => {
        const pushed = await world.pushAndApproveStaging('2.0.2');
        await world.host.waitFor(stageInstanceId(pushed.releaseId, 'staging'), (s) =>
          JSON.stringify(s.customStatus).includes('running verify hooks'),
        );
        return pushed;
      },
    );

    await Then(
      'the release view shows the pending callback hook Running, live from the stage',
      async () => {
        const live = await world.api.get(pushed.releaseId);
        assert.equal(live.status, 200);
        const view = live.body as ReleaseView;
        assert.equal(view.status, 'Running');
        assert.equal(view.step, 'running verify hooks');
        const staging = view.stages.find((s) => s.name === 'staging');
        assert.equal(staging?.status, 'Running');
        const check = (name: string) => staging?.checks.find((c) => c.name === name)?.status;
        assert.equal(check('smoke'), 'Passed');
        assert.equal(check('migrate'), 'Passed');
        assert.equal(check('e2e'), 'Running');
      },
    );

    const canceledAt = await When('an approver cancels it', async () => {
      const canceledAt = world.clock.now();
      await world.cancel(pushed.releaseId, users.qaLead, 'wrong build');
      return canceledAt;
    });

    await Then('it ends Canceled at once, not after the hook timeout', async () => {
      const done = await world.untilEnded(pushed.releaseId);
      assert.equal(done.status, 'Canceled');
      assert.match(done.step, /canceled by qa-lead@contoso.com: wrong build/);
      assert.deepEqual(
        done.stages.map((s) => s.status),
        ['Succeeded', 'Canceled', 'Skipped'],
      );
      assert.ok(
        world.clock.now() - canceledAt < 60_000,
        `stopped after ${world.clock.now() - canceledAt} virtual ms`,
      );
      const stage = await world.host.getStatus(stageInstanceId(pushed.releaseId, 'staging'));
      assert.equal(stage?.runtimeStatus, 'Terminated');
    });
  });
});
