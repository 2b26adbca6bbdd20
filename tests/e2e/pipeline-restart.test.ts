import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { parse } from 'yaml';

import { defaultScenarioPath, type ScenarioInput } from '../../sandbox/index.js';
import { RestartWorld } from './support/RestartWorld.js';
import { Given, Then, When } from './support/steps.js';

const qaLead = 'qa-lead@contoso.com';
const engLead = 'eng-lead@contoso.com';

describe('pipeline: the dev host is SIGKILLed mid-release', () => {
  let world: RestartWorld;
  before(async () => {
    // A slow swap (2 virtual minutes, several polls) leaves time to kill the host during it.
    const scenario = parse(readFileSync(defaultScenarioPath, 'utf8')) as Record<string, unknown>;
    world = await RestartWorld.begin({
      ...scenario,
      swap: { duration: '2m', polls: 6 },
    } as ScenarioInput);
  });
  after(async () => {
    await world?.stop();
  });

  it('resumes after a kill while waiting for approval and after a kill while swapping, swapping once', async () => {
    const pushed = await Given('a release waiting for staging approval', async () => {
      const pushed = await world.push('5.0.0');
      await world.until(
        pushed.releaseId,
        (s) => s.status === 'WaitingForApproval' && s.waitingFor?.stage === 'staging',
      );
      return pushed;
    });

    await When(
      'the host is killed and restarted, the release still waits and accepts the approval',
      async () => {
        await world.killAndRestart();
        const still = await world.until(pushed.releaseId, (s) => s.status === 'WaitingForApproval');
        assert.equal(still.waitingFor?.stage, 'staging');
        assert.equal((await world.api.approve(pushed.releaseId, 'staging', qaLead)).status, 202);
        await world.until(
          pushed.releaseId,
          (s) => s.status === 'WaitingForApproval' && s.waitingFor?.stage === 'production',
        );
        assert.equal(
          (await world.api.approve(pushed.releaseId, 'production', engLead)).status,
          202,
        );
      },
    );

    await When('the host is killed while the swap runs', async () => {
      const end = Date.now() + 60_000;
      while (world.swapCalls() === 0 && Date.now() < end)
        await new Promise((r) => setTimeout(r, 10));
      assert.equal(world.swapCalls(), 1, 'the swap started');
      assert.notEqual(
        world.sandbox.siteState('pwbi-api-prod').digest,
        pushed.digest,
        'swap in flight',
      );
      await world.killAndRestart();
    });

    await Then(
      'the release finishes, production serves the new digest, and the swap ran once',
      async () => {
        const done = await world.until(pushed.releaseId, (_s, runtime) => runtime === 'Completed');
        assert.equal(done.status, 'Succeeded', JSON.stringify(done));
        assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.equal(world.swapCalls(), 1, 'never swapped twice');
      },
    );
  });
});
