import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { CanaryCustomStatus, CanaryResult } from '../../src/domain/canary/index.js';
import { canaryConfig, rulesNow, sharesOverTime } from './canary-world.js';
import { users } from './support/PipelineWorld.js';
import { RestartWorld } from './support/RestartWorld.js';
import { Given, Then, When } from './support/steps.js';

describe('canary: the dev host is SIGKILLed mid-step', () => {
  let world: RestartWorld;
  before(async () => {
    world = await RestartWorld.begin(
      undefined,
      canaryConfig({ stepDuration: '10m' }, { duration: '5m' }),
    );
  });
  after(async () => {
    await world?.stop();
  });

  const untilCanary = (
    releaseId: string,
    predicate: (s: CanaryCustomStatus, runtime: string) => boolean,
  ) => world.untilInstance(`${releaseId}-canary`, predicate, 90_000);

  it('resumes the step where it stopped, finishes the canary and leaves no rule', async () => {
    const { pushed, samplesBefore } = await Given(
      'a healthy canary in its second step (25 %) with samples taken',
      async () => {
        const pushed = await world.push('7.0.0');
        const waiting = (stage: string) => (s: { waitingFor?: { stage: string } }) =>
          s.waitingFor?.stage === stage;
        await world.until(pushed.releaseId, waiting('staging'));
        assert.equal(
          (await world.api.approve(pushed.releaseId, 'staging', users.qaLead)).status,
          202,
        );
        await world.until(pushed.releaseId, waiting('production'));
        assert.equal(
          (await world.api.approve(pushed.releaseId, 'production', users.engLead)).status,
          202,
        );
        const before = await untilCanary(
          pushed.releaseId,
          (s) => s.canary.step === 1 && (s.canary.steps[1]?.samples.length ?? 0) >= 2,
        );
        return { pushed, samplesBefore: before.customStatus.canary.steps[1]?.samples ?? [] };
      },
    );

    await When('the host is SIGKILLed mid-step and started again on the same store', () =>
      world.killAndRestart(),
    );

    await Then(
      'the step goes on from its samples: the ones kept are the same, newer ones follow on the interval grid, none taken twice',
      async () => {
        const lastBefore = samplesBefore.at(-1)?.at ?? '';
        const after = await untilCanary(
          pushed.releaseId,
          (s) => s.canary.step > 1 || (s.canary.steps[1]?.samples.at(-1)?.at ?? '') > lastBefore,
        );
        const samplesAfter = after.customStatus.canary.steps[1]?.samples ?? [];
        for (const sample of samplesAfter) {
          const same = samplesBefore.find((b) => b.at === sample.at);
          if (same !== undefined) assert.deepEqual(sample, same);
        }
        const ats = samplesAfter.map((x) => Date.parse(x.at));
        assert.ok(
          // A sample's time is when its reading returned, a little after its grid point: no two
          // samples closer than most of the 1-minute interval (none caught up back to back)
          ats.slice(1).every((at, i) => at - (ats[i] ?? 0) >= 50_000),
          `sample times ${samplesAfter.map((x) => x.at).join(', ')}`,
        );
      },
    );

    await Then('the canary is promoted, the release succeeds and no rule is left', async () => {
      const done = await untilCanary(pushed.releaseId, (_s, runtime) => runtime === 'Completed');
      assert.equal((done.output as CanaryResult).outcome, 'promoted', JSON.stringify(done.output));
      await world.until(pushed.releaseId, (s) => s.status === 'Succeeded', 120_000);
      const history = sharesOverTime(world);
      assert.deepEqual(
        history.filter((p, i) => i === 0 || p !== history[i - 1]),
        [0, 5, 25, 50, 0],
      );
      assert.deepEqual(rulesNow(world), []);
      assert.equal(world.swapCalls(), 1);
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
    });
  });
});
