import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Page } from 'playwright-core';

import { issueToken } from '../../src/domain/identity/index.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { canaryResult, canaryWorldPerFile, untilCanary, users } from './canary-world.js';
import { e2eSigningKey } from './support/appSettings.js';
import { buildConsoleOnce } from './support/buildConsole.js';
import { type ConsoleBrowser, launchConsoleBrowser } from './support/consoleBrowser.js';
import { runSlotpilot } from './support/runSlotpilot.js';
import { And, Given, Then, When } from './support/steps.js';

describe('canary promote from the CLI and the console: each sends the step it showed', () => {
  // Every step waits for a promote once it passed; keys enforced as on Azure
  const world = canaryWorldPerFile(
    { steps: [5, 50], pauseForApproval: true },
    {},
    { strictAuth: true },
  );
  let browser: ConsoleBrowser;
  let page: Page;
  let cli: Record<string, string>;
  before(async () => {
    buildConsoleOnce();
    browser = await launchConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
    cli = {
      SLOTPILOT_URL: world().host.url,
      SLOTPILOT_FUNCTION_KEY: world().host.functionKey,
      SLOTPILOT_SIGNING_KEY: e2eSigningKey,
    };
  });
  after(async () => {
    await browser?.close();
  });

  it('a promote of a step already promoted elsewhere answers 409, shown as such by both', async () => {
    const id = await Given(
      'a canary waiting for a promote of step 1 (5 %), open in the console as the eng lead',
      async () => {
        const pushed = await world().releaseToProduction('6.0.0', 'healthy');
        const id = pushed.releaseId;
        await untilCanary(world(), id, (s) => s.canary.waitingForPromotion?.step === 0);
        await page.goto(`${world().host.url}/api/console?refreshMs=500#/releases/${id}`);
        await page.fill('#connect-key', world().host.functionKey);
        const token = await issueToken({
          user: users.engLead,
          signingKey: e2eSigningKey,
          ttlMs: 3_600_000,
        });
        await page.fill('#connect-token', token);
        await page.click('#connect-submit');
        const button = page.locator('#actions button[data-action="promote"]');
        assert.equal(await button.innerText(), 'Promote step 1 (5%)');
        await button.click();
        return id;
      },
    );

    await When(
      "the CLI promotes the step it reads from the release view while the page's form is open",
      async () => {
        const first = await runSlotpilot(['promote', id, '--as', users.engLead], cli);
        assert.equal(first.code, 0, first.stderr);
        assert.equal(first.stdout.trim(), `promote of ${id} accepted: step 1 (5%)`);
        await untilCanary(world(), id, (s) => s.canary.step === 1);
      },
    );

    await Then(
      "the page's promote of step 1 is refused, saying where the canary is now",
      async () => {
        await page.fill('#action-note', 'looks good');
        await page.click('#action-confirm');
        const refused = page.locator('#outcome .problem[data-http-status="409"]');
        await refused.waitFor();
        assert.equal(
          await refused.locator('.problem-detail').innerText(),
          'Step 1 was already promoted; now at step 2.',
        );
      },
    );

    await And('so is a second CLI run naming step 1', async () => {
      const again = await runSlotpilot(['promote', id, '--step', '1', '--as', users.engLead], cli);
      assert.equal(again.code, 1);
      assert.equal(
        again.stderr.trim(),
        'slotpilot: 409 Conflict: Step 1 was already promoted; now at step 2.',
      );
      const view = (await world().api.get(id)).body as ReleaseView;
      assert.equal(view.canary?.step, 1, 'no step was skipped');
      assert.equal(view.canary?.steps[0]?.promotedBy, users.engLead);
    });

    await When('the page, refreshed to step 2, promotes it', async () => {
      await page
        .locator('#actions button[data-action="promote"]', { hasText: 'Promote step 2 (50%)' })
        .click();
      await page.click('#action-confirm');
      await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    });

    await Then('the canary goes on to the swap and the release succeeds', async () => {
      assert.equal((await canaryResult(world(), id)).outcome, 'promoted');
      assert.equal((await world().untilEnded(id)).status, 'Succeeded');
      const done = (await world().api.get(id)).body as ReleaseView;
      assert.equal(done.canary?.steps[1]?.promotedBy, users.engLead);
      assert.deepEqual(browser.errors, [], 'no script errors or CSP violations');
    });
  });
});
