import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';
import { Given, Then, When } from './support/steps.js';

const approvers = [users.qaLead, 'qa-two@contoso.com', 'qa-three@contoso.com'] as const;

describe('approvals: a staging quorum of 2 of 3 distinct approvers', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start({
      config: {
        edit: (doc: ConfigDoc) => {
          const staging = doc.pipelines[0]?.stages.find((s) => s.name === 'staging');
          if (staging !== undefined)
            staging.approval = { approvers: [...approvers], required: 2, timeout: '72h' };
        },
      },
    });
  });
  after(async () => {
    await world?.stop();
  });

  it('records each approval, refuses the same person twice, and goes ahead at the second', async () => {
    const pushed = await Given(
      'a release waiting for staging, which needs two of three approvers',
      async () => {
        const pushed = await world.push('7.0.0');
        await world.untilWaitingFor(pushed.releaseId, 'staging');
        return pushed;
      },
    );
    const view = async () => (await world.api.get(pushed.releaseId)).body as ReleaseView;

    await When('the first approver approves', async () => {
      const first = await world.api.approve(
        pushed.releaseId,
        'staging',
        approvers[0],
        'looks good',
      );
      assert.equal(first.status, 202, JSON.stringify(first.body));
      await world.host.settle();
    });

    await Then(
      'the release still waits, showing who approved and that one more is needed',
      async () => {
        const waiting = await view();
        assert.equal(waiting.status, 'WaitingForApproval');
        assert.equal(waiting.waitingFor?.stage, 'staging');
        assert.deepEqual(
          waiting.waitingFor?.approvals?.map((a) => a.by),
          [approvers[0]],
        );
        assert.equal(waiting.waitingFor?.required, 2);
        assert.equal(waiting.waitingFor?.stillNeeded, 1);
      },
    );

    await When('the same person approves again, then 403 and nothing changes', async () => {
      const again = await world.api.approve(pushed.releaseId, 'staging', approvers[0]);
      assert.equal(again.status, 403);
      assert.equal((again.body as { reason?: string }).reason, 'already-approved');
      await world.host.settle();
      assert.equal((await view()).waitingFor?.approvals?.length, 1);
    });

    await When('a second, different approver approves', async () => {
      const second = await world.api.approve(pushed.releaseId, 'staging', approvers[2]);
      assert.equal(second.status, 202, JSON.stringify(second.body));
    });

    await Then('staging runs and the stage records both approvals, in order', async () => {
      await world.untilWaitingFor(pushed.releaseId, 'production');
      const staging = (await view()).stages.find((s) => s.name === 'staging');
      assert.equal(staging?.status, 'Succeeded');
      assert.deepEqual(
        staging?.approvals?.map((a) => a.by),
        [approvers[0], approvers[2]],
      );
      assert.equal(staging?.approvals?.[0]?.comment, 'looks good');
    });
  });
});
