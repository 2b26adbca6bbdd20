import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { PipelineWorld, users } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

const minuteMs = 60_000;

describe('pipeline: push → dev → staging (hooks) → production swap', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('releases a healthy image through every stage and production serves it', async (t) => {
    await Given("staging's migrate hook answers later through its callback URL", () =>
      world.sandbox.setHook('migrate', 'callback-pass', { delayMs: 3 * minuteMs }),
    );

    const pushed = await When('an image is pushed', () => world.push('1.2.0'));

    await Then(
      "dev is deployed and smoke-checked, and the release waits for staging's approval",
      async () => {
        const waiting = await world.untilWaitingFor(pushed.releaseId, 'staging');
        assert.equal(waiting.stages[0]?.status, 'Succeeded');
        assert.deepEqual(
          waiting.stages[0]?.checks.map((c) => [c.name, c.status]),
          [['smoke', 'Passed']],
        );
        assert.deepEqual(waiting.waitingFor?.approvers, [users.qaLead]);
        assert.equal(world.sandbox.siteState('pwbi-api-dev').digest, pushed.digest);
        assert.notEqual(world.sandbox.siteState('pwbi-api-staging').digest, pushed.digest);
      },
    );

    await When('QA approves staging', () =>
      world.approve(pushed.releaseId, 'staging', users.qaLead),
    );

    await Then(
      'staging runs its hooks (the callback one included) and waits for production',
      async () => {
        const prodWait = await world.untilWaitingFor(pushed.releaseId, 'production');
        const staging = prodWait.stages[1];
        assert.equal(staging?.status, 'Succeeded');
        assert.equal(staging?.approval?.by, users.qaLead);
        assert.deepEqual(
          staging?.checks.map((c) => [c.name, c.status]),
          [
            ['smoke', 'Passed'],
            ['db-backup', 'Passed'],
            ['migrate', 'Passed'],
            ['e2e', 'Passed'],
            ['load-test', 'Passed'],
            ['security', 'Passed'],
          ],
        );
        assert.equal(world.sandbox.hookCalls('migrate').length, 1);
        assert.equal(world.sandbox.hookCalls('restore').length, 0);
        assert.equal(world.sandbox.siteState('pwbi-api-staging').digest, pushed.digest);
        assert.ok(
          world.virtualElapsedMs() >= 3 * minuteMs,
          'the callback hook took 3 virtual minutes',
        );
      },
    );

    const before = await When('the engineering lead approves production', async () => {
      const before = world.sandbox.siteState('pwbi-api-prod').digest;
      await world.approve(pushed.releaseId, 'production', users.engLead);
      return before;
    });

    await Then(
      'the inactive slot gets the image, warms up, is swapped in, and the release succeeds',
      async () => {
        const done = await world.untilEnded(pushed.releaseId);
        assert.equal(done.status, 'Succeeded', JSON.stringify(done));
        assert.equal(done.previousDigest, before);
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.equal(world.sandbox.siteState('pwbi-api-prod', 'staging').digest, before);
        assert.match((await world.productionServes()) ?? '', new RegExp(pushed.digest));
        assert.equal(world.swapCalls(), 1);
      },
    );

    // (real time is a printed figure, never asserted)
    const texts = await And('Slack heard about every step', () => {
      const texts = world.sandbox.slackMessages().map((m) => JSON.stringify(m));
      assert.ok(texts.length >= 8, `expected a message per step, got ${texts.length}`);
      return texts;
    });

    await And(
      "the approval messages' buttons open the release in the console (a click cannot POST)",
      () => {
        const consoleUrl = JSON.stringify(
          `${world.host.url}/api/console#/releases/${pushed.releaseId}`,
        );
        const asks = texts.filter((t) => t.includes('slotpilot-approve'));
        assert.equal(asks.length, 2, 'one approval request per gated stage');
        assert.ok(
          asks.every((t) => t.includes(`"url":${consoleUrl}`)),
          asks.join('\n'),
        );
      },
    );
    t.diagnostic(
      `real ${world.realElapsedMs()} ms for ${world.virtualElapsedMs()} virtual ms (whole flow)`,
    );
  });
});
