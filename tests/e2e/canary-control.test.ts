import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import {
  canaryResult,
  canaryWorldPerFile,
  rulesNow,
  sharesOverTime,
  untilCanary,
  users,
} from './canary-world.js';
import { alertsActionGroup } from './support/PipelineWorld.js';
import { And, Given, Then, When } from './support/steps.js';

describe('canary: promote (approvers only, compare-and-set) and cancel during a step', () => {
  // Every step waits for a promote once it passed
  const world = canaryWorldPerFile({ steps: [5, 50], pauseForApproval: true });

  /** Given: a healthy canary released as `tag`, judging its first step (one sample taken). */
  const judgingFirstStep = async (tag: string) => {
    const pushed = await world().releaseToProduction(tag, 'healthy');
    await untilCanary(
      world(),
      pushed.releaseId,
      (s) => (s.canary.steps[0]?.samples.length ?? 0) >= 1,
    );
    return pushed;
  };

  it('waits for a promote after each step; one of two concurrent promotes wins', async () => {
    const pushed = await Given('a healthy canary whose first step passed', async () => {
      const pushed = await world().releaseToProduction('6.0.0', 'healthy');
      await untilCanary(world(), pushed.releaseId, (s) => s.canary.waitingForPromotion?.step === 0);
      const waiting = (await world().api.get(pushed.releaseId)).body as ReleaseView;
      assert.equal(waiting.canary?.state, 'waitingForPromotion');
      assert.equal(waiting.canary?.percent, 5);
      assert.equal(waiting.canary?.steps[0]?.status, 'passed');
      return pushed;
    });
    const id = pushed.releaseId;

    await When('a stranger promotes, then 403', async () => {
      assert.equal((await world().api.promote(id, users.stranger, 'looks good')).status, 403);
    });

    await When('the approver promotes twice at once, then one wins', async () => {
      // (each names the step it saw, as a double click on one page would)
      const promoteStep1 = () => world().api.promote(id, users.engLead, 'looks good', 1);
      const answers = await Promise.all([promoteStep1(), promoteStep1()]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [202, 409], JSON.stringify(answers));
      assert.match(JSON.stringify(answers.find((a) => a.status === 409)?.body), /promoted/);
    });

    await Then(
      'the canary moves to 50 % and waits again; a promote there goes on to the swap',
      async () => {
        await untilCanary(world(), id, (s) => s.canary.waitingForPromotion?.step === 1);
        assert.equal((await world().api.promote(id, users.engLead, 'looks good')).status, 202);
        const result = await canaryResult(world(), id);
        assert.equal(result.outcome, 'promoted');
        const done = await world().untilEnded(id);
        assert.equal(done.status, 'Succeeded', JSON.stringify(done));
        assert.equal(world().sandbox.siteState('pwbi-api-prod').digest, pushed.digest);
        assert.deepEqual(rulesNow(world()), []);
        const view = (await world().api.get(id)).body as ReleaseView;
        assert.equal(view.canary?.steps[0]?.promotedBy, users.engLead);
      },
    );

    await And('after the canary, promote has nothing to promote', async () => {
      assert.equal((await world().api.promote(id, users.engLead, 'looks good')).status, 409);
    });
  });

  it('a cancel during a step sets the share to 0 % at once and ends RolledBack', async () => {
    const { pushed, swapsBefore } = await Given('a canary judging its first step', async () => {
      const swapsBefore = world().swapCalls();
      return { pushed: await judgingFirstStep('6.1.0'), swapsBefore };
    });

    await When('an approver cancels the release', () =>
      world().cancel(pushed.releaseId, users.engLead, 'wrong build'),
    );

    await Then(
      'the canary aborts to 0 % without a swap and the release ends RolledBack',
      async () => {
        const result = await canaryResult(world(), pushed.releaseId);
        assert.ok(result.outcome === 'aborted', JSON.stringify(result));
        assert.match(result.reason, /canceled by eng-lead@contoso.com: wrong build/);
        assert.equal((result.evidence as { source?: string }).source, 'cancel');
        assert.equal(result.detectedAt, result.decidedAt, 'decided as it was received');
        const done = await world().untilEnded(pushed.releaseId);
        assert.equal(done.status, 'RolledBack', JSON.stringify(done));
        assert.equal(sharesOverTime(world()).at(-1), 0);
        assert.deepEqual(rulesNow(world()), []);
        assert.equal(world().swapCalls(), swapsBefore);
        assert.equal(world().sandbox.siteState('pwbi-api-prod').digest, pushed.previousDigest);
      },
    );
  });

  it('an Azure Monitor alert on the canary slot aborts it at once', async () => {
    const pushed = await Given('a canary judging its first step', () => judgingFirstStep('6.2.0'));

    const delivery = await When(
      "the action group pushes an alert fired on the slot's resource",
      () =>
        world().sandbox.fireAlert(alertsActionGroup, {
          rule: 'pwbi-api-prod staging 5xx',
          severity: 'Sev1',
          targetResourceId: `/subscriptions/${world().sandbox.subscriptionId}/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites/pwbi-api-prod/slots/staging`,
          condition: 'Fired',
          description: 'Http5xx > 10 over 5 minutes',
        }),
    );

    await Then(
      'the canary aborted to 0 % on the alert and the release ended RolledBack',
      async () => {
        assert.match(JSON.stringify(delivery), new RegExp(pushed.releaseId));
        const result = await canaryResult(world(), pushed.releaseId);
        assert.ok(result.outcome === 'aborted', JSON.stringify(result));
        assert.equal(result.trigger, 'alert');
        assert.equal((await world().untilEnded(pushed.releaseId)).status, 'RolledBack');
        assert.deepEqual(rulesNow(world()), []);
      },
    );
  });
});
