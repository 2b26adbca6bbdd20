import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Page } from 'playwright-core';

import { type ConsoleBrowser, launchConsoleBrowser } from './support/consoleBrowser.js';
import { consoleUsers as users, ConsoleWorld } from './support/ConsoleWorld.js';
import type { ConfigDoc } from './support/pipelineConfig.js';

describe('console: a release in its monitoring window, rolled back from the browser', () => {
  let world: ConsoleWorld;
  let browser: ConsoleBrowser;
  let page: Page;
  let releaseId = '';
  let previousDigest = '';

  before(async () => {
    world = await ConsoleWorld.start({
      monitor: true,
      edit: (doc: ConfigDoc) => {
        for (const stage of doc.pipelines[0]?.stages ?? []) {
          if (stage.monitor !== undefined) {
            stage.monitor = { ...(stage.monitor as Record<string, unknown>), duration: '5m' };
          }
        }
      },
    });
    browser = await launchConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  /** When: runs a release action through its button and confirmation form. */
  const act = async (kind: string, note: string): Promise<void> => {
    await page.click(`#actions button[data-action="${kind}"]`);
    await page.fill('#action-note', note);
    await page.click('#action-confirm');
  };

  it('opens a deep link to a release being monitored and shows its window and samples', async () => {
    // Given a release swapped into production and watched by its monitor
    previousDigest = world.sandbox.siteState('pwbi-api-prod').digest ?? '';
    const pushed = await world.push('2.0.0');
    releaseId = pushed.releaseId;
    await world.untilWaitingFor(releaseId, 'staging');
    await world.approve(releaseId, 'staging', users.qaLead);
    await world.untilWaitingFor(releaseId, 'production');
    await world.approve(releaseId, 'production', users.engLead);
    await world.until(
      `${releaseId}-monitor`,
      (s) => (s.monitor?.samples.length ?? 0) > 0 && s.monitor?.nextTickAt !== undefined,
    );

    // When the engineering lead connects and follows the release view's console link
    await page.goto(world.consoleUrl());
    await page.fill('#connect-key', world.host.functionKey);
    await page.fill('#connect-token', await world.token(users.engLead));
    await page.click('#connect-submit');
    await page.locator('#list-view').waitFor();
    const view = await world.call('GET', `/api/releases/${releaseId}`);
    const link = (view.body as { links: { console?: string } }).links.console ?? '';
    assert.equal(link, `${world.host.url}/api/console#/releases/${releaseId}`);
    await page.goto(link.replace('/api/console#', '/api/console?refreshMs=500#'));

    // Then the monitoring window shows, and rolling back is what it offers
    await page.locator('#monitor').waitFor();
    assert.equal(await page.innerText('#who-label'), `token for ${users.engLead}`);
    assert.match(await page.innerText('#release-status'), /Running/);
    assert.match(await page.innerText('#monitor'), /Next tick/);
    assert.ok((await page.locator('#samples tbody tr').count()) >= 1, 'samples listed');
    assert.match(await page.innerText('#samples'), /Pass/);
    const buttons = await Promise.all(
      (await page.locator('#actions button').all()).map((b) => b.getAttribute('data-action')),
    );
    assert.deepEqual(buttons, ['rollback']);
  });

  it('shows a rollback without a reason refused as 400 naming the field; nothing changes', async () => {
    await act('rollback', '');
    const problem = page.locator('#outcome .problem[data-http-status="400"]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /reason: expected a non-empty string/);
    const view = await world.call('GET', `/api/releases/${releaseId}`);
    assert.equal((view.body as { status: string }).status, 'Running');
    assert.equal(view.body && (view.body as { rollback?: unknown }).rollback, undefined);
  });

  it('rolls back during the window: 202, the release ends RolledBack, the page shows why and when', async () => {
    await act('rollback', 'customers report errors');
    await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    const ended = await world.untilEnded(releaseId);
    assert.equal(ended.status, 'RolledBack');
    assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previousDigest);

    await page.locator('#release-status [data-status="RolledBack"]').waitFor();
    assert.equal(await page.innerText('#rollback-reason'), 'customers report errors');
    const rollback = await page.innerText('#rollback');
    // Detected is when the API took the request (its wall clock); decided and swapped back
    // come from the orchestration's clock (virtual here): each is shown as a time.
    for (const label of ['Detected', 'Decided', 'Swapped back']) {
      assert.match(
        rollback,
        new RegExp(`${label}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC`),
        label,
      );
    }
    assert.equal(await page.locator('#actions button').count(), 0, 'nothing left to do');
  });

  it('shows which digest each slot runs: production is back on the previous one', async () => {
    await page.click('a.nav-slots');
    const production = page.locator('table.slots[data-stage="production"]');
    await production.waitFor();
    const row = production.locator('tbody tr', { hasText: 'production' }).first();
    assert.equal(
      await row.locator('code').getAttribute('title'),
      previousDigest,
      'production runs the previous digest',
    );
    assert.deepEqual(browser.errors, [], 'no script errors or CSP violations');
    assert.deepEqual(browser.dialogs, []);
  });
});
