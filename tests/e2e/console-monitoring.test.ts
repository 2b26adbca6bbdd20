import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Page } from 'playwright-core';

import { productionTraffic } from './monitor-world.js';
import { type ConsoleBrowser, launchConsoleBrowser } from './support/consoleBrowser.js';
import { consoleUsers as users, ConsoleWorld } from './support/ConsoleWorld.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { Given, Then, When } from './support/steps.js';

type MonitorStatus = { waitingForDecision?: { since: string } };

describe('console: a monitor paused for a decision, continued and then rolled back from the browser', () => {
  let world: ConsoleWorld;
  let browser: ConsoleBrowser;
  let page: Page;
  let releaseId = '';
  let previousDigest = '';
  let pausedSince = '';

  before(async () => {
    // Production gets too little traffic to judge, and the policy asks a human.
    world = await ConsoleWorld.start({
      config: {
        monitor: true,
        edit: (doc: ConfigDoc) => {
          for (const stage of doc.pipelines[0]?.stages ?? []) {
            if (stage.monitor !== undefined) {
              const monitor = stage.monitor as Record<string, unknown>;
              stage.monitor = { ...monitor, duration: '15m', inconclusive: 'pause' };
            }
          }
        },
      },
      scenario: productionTraffic(0.05),
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

  /** Then: time runs until the monitor pauses (again: at a pause other than `since`). */
  const untilPaused = async (since = ''): Promise<string> => {
    const status = await world.until(`${releaseId}-monitor`, (s) => {
      const waiting = (s as MonitorStatus).waitingForDecision;
      return waiting !== undefined && waiting.since !== since;
    });
    return (status as MonitorStatus).waitingForDecision?.since ?? '';
  };

  it('follows the release view console link to a paused release: samples, pause, its two choices', async () => {
    await Given(
      'a release swapped into production whose monitor paused on an inconclusive sample',
      async () => {
        previousDigest = world.sandbox.siteState('pwbi-api-prod').digest ?? '';
        releaseId = (await world.releaseToProduction('2.0.0')).releaseId;
        pausedSince = await untilPaused();
      },
    );

    await When(
      "the engineering lead connects and follows the release view's console link",
      async () => {
        await page.goto(world.consoleUrl());
        await page.fill('#connect-key', world.host.functionKey);
        await page.fill('#connect-token', await world.token(users.engLead));
        await page.click('#connect-submit');
        await page.locator('#list-view').waitFor();
        const view = await world.api.call('GET', `/api/releases/${releaseId}`);
        const link = (view.body as { links: { console?: string } }).links.console ?? '';
        assert.equal(link, `${world.host.url}/api/console#/releases/${releaseId}`);
        await page.goto(link.replace('/api/console#', '/api/console?refreshMs=500#'));
      },
    );

    await Then(
      'the monitoring window shows paused, with continue and roll back on offer',
      async () => {
        await page.locator('#monitor').waitFor();
        assert.equal(await page.innerText('#who-label'), `token for ${users.engLead}`);
        assert.match(await page.innerText('#release-status'), /Running/);
        const monitor = await page.innerText('#monitor');
        assert.match(monitor, /Paused\s+since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: inconclusive/);
        assert.match(monitor, /Window\s+.+ → .+/);
        assert.ok((await page.locator('#samples tbody tr').count()) >= 1, 'samples listed');
        assert.match(await page.innerText('#samples'), /Inconclusive/);
        const buttons = await Promise.all(
          (await page.locator('#actions button').all()).map((b) => b.getAttribute('data-action')),
        );
        assert.deepEqual(buttons, ['resume', 'rollback']);
      },
    );
  });

  it('shows a rollback without a reason refused as 400 naming the field; nothing changes', async () => {
    await act('rollback', '');
    const problem = page.locator('#outcome .problem[data-http-status="400"]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /reason: expected a non-empty string/);
    const view = await world.api.call('GET', `/api/releases/${releaseId}`);
    assert.equal((view.body as { status: string }).status, 'Running');
    assert.equal((view.body as { rollback?: unknown }).rollback, undefined);
  });

  it('continues monitoring: 202, the monitor goes on and the page shows its next pause', async () => {
    await act('resume', 'quiet night, keep watching');
    await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    const next = await untilPaused(pausedSince);
    assert.ok(next > pausedSince, `paused again later: ${next} after ${pausedSince}`);
    await page
      .locator('#monitor', { hasText: `since ${next.slice(0, 19).replace('T', ' ')}` })
      .waitFor();
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
    // Detected, decided and swapped back all come from the orchestration's clock (virtual
    // here), in that order.
    const times = ['Detected', 'Decided', 'Swapped back'].map((label) => {
      const shown = new RegExp(`${label}\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) UTC`).exec(
        rollback,
      );
      assert.ok(shown?.[1] !== undefined, `${label} is shown as a time`);
      return shown[1];
    });
    assert.deepEqual([...times].sort(), times, `in order: ${times.join(', ')}`);
    assert.equal(await page.locator('#actions button').count(), 0, 'nothing left to do');
  });

  it('shows which digest each slot runs: production is back on the previous one', async () => {
    await page.click('a.nav-slots');
    const production = page.locator('table.slots[data-stage="production"]');
    await production.waitFor();
    const row = production.locator('tbody tr', { hasText: 'production' }).first();
    assert.equal(await row.locator('code').getAttribute('title'), previousDigest);
    assert.deepEqual(browser.errors, [], 'no script errors or CSP violations');
    assert.deepEqual(browser.dialogs, []);
  });
});
