import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Page } from 'playwright-core';

import { type ConsoleBrowser, launchConsoleBrowser } from './support/consoleBrowser.js';
import { consoleUsers as users, ConsoleWorld } from './support/ConsoleWorld.js';

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('console: connect, approve, refuse and reject in headless Chromium (strict dev host)', () => {
  let world: ConsoleWorld;
  let browser: ConsoleBrowser;
  let page: Page;
  let releaseId = '';

  before(async () => {
    world = await ConsoleWorld.start();
    browser = await launchConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  /** When: connects the page with the function key (or `key`) and a token for `user`. */
  const connect = async (user: string, key = world.host.functionKey): Promise<void> => {
    await page.locator('#connect').waitFor();
    await page.fill('#connect-key', key);
    await page.fill('#connect-token', await world.token(user));
    await page.click('#connect-submit');
  };

  /** When: runs a release action through its button and confirmation form. */
  const act = async (kind: string, note: string): Promise<void> => {
    await page.click(`#actions button[data-action="${kind}"]`);
    await page.fill('#action-note', note);
    await page.click('#action-confirm');
  };

  it('serves the page and its scripts anonymously with a strict CSP, while the API wants a key', async () => {
    const html = await fetch(`${world.host.url}/api/console`);
    const text = await html.text();
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(html.headers.get('content-security-policy'), csp);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(html.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(html.headers.get('cache-control'), 'no-cache');
    assert.match(text, /<script type="module" src="\/api\/console\/app\.js"><\/script>/);
    assert.doesNotMatch(text, /<script>|<style|style=/, 'no inline script or style');

    const script = await fetch(`${world.host.url}/api/console/app.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(script.headers.get('content-security-policy'), csp);
    assert.match(await script.text(), /import/);
    const etag = script.headers.get('etag') ?? '';
    const again = await fetch(`${world.host.url}/api/console/app.js`, {
      headers: { 'if-none-match': etag },
    });
    await again.arrayBuffer();
    assert.equal(again.status, 304, 'unchanged script revalidates');

    const css = await fetch(`${world.host.url}/api/console/app.css`);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    await css.arrayBuffer();
    for (const name of ['nope.js', '..%2Fpackage.json', 'index.ts']) {
      const res = await fetch(`${world.host.url}/api/console/${name}`);
      await res.arrayBuffer();
      assert.equal(res.status, 404, name);
    }
    const refused = await fetch(`${world.host.url}/api/releases`);
    await refused.arrayBuffer();
    assert.equal(refused.status, 401, 'the data stays behind the function key');
  });

  it('shows a wrong function key as the 401 it got, then connects with key and token', async () => {
    await page.goto(world.consoleUrl());
    await connect(users.stranger, 'not-the-key');
    const problem = page.locator('#connect-status .problem[data-http-status="401"]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /401 Unauthorized/);

    await connect(users.stranger);
    await page.locator('#list-view').waitFor();
    assert.equal(await page.innerText('#who-label'), `token for ${users.stranger}`);
    assert.match(await page.innerText('#updated'), /^updated \d\d:\d\d:\d\d$/);
    const stored = await page.evaluate<string[]>('Object.keys(sessionStorage).sort()');
    assert.deepEqual(stored, ['slotpilot.console.functionKey', 'slotpilot.console.token']);
    assert.ok(!page.url().includes(world.host.functionKey), 'the key never enters the URL');

    await page.goto(world.consoleUrl('#/releases/pwbi-api-nope'));
    const missing = page.locator('#load-problem[data-http-status="404"]');
    await missing.waitFor();
    assert.match(await missing.innerText(), /404 Not Found\s+No release with id pwbi-api-nope/);
    await page.click('#nav-releases');
    await page.locator('#list-view').waitFor();
  });

  it('lists a pushed release, filters the list, and shows the release waiting for staging', async () => {
    const pushed = await world.push('1.4.0');
    releaseId = pushed.releaseId;
    await world.untilWaitingFor(releaseId, 'staging');

    const row = page.locator('#releases a.release-link', { hasText: releaseId });
    await row.waitFor();
    await page.selectOption('#filter-status', 'Succeeded');
    await page.locator('#list-view .empty').waitFor();
    assert.match(page.url(), /#\/releases\?status=Succeeded$/);
    await page.selectOption('#filter-status', 'WaitingForApproval');
    await row.waitFor();

    await row.click();
    await page.locator('#release-status [data-status="WaitingForApproval"]').waitFor();
    assert.match(page.url(), new RegExp(`#/releases/${releaseId}$`));
    assert.equal(await page.innerText('#release-tag'), '1.4.0');
    assert.match(
      await page.innerText('#waiting-for'),
      /^approval of staging by qa-lead@contoso\.com/,
    );
    assert.match(await page.innerText('#stages'), /dev\s+Succeeded/);
    assert.ok(await page.locator('#actions button[data-action="approve"]').isVisible());
    assert.ok(await page.locator('#actions button[data-action="cancel"]').isVisible());
    assert.equal(await page.locator('#actions button[data-action="rollback"]').count(), 0);
  });

  it("shows a stranger's approval refused as 403 with its detail; the release still waits", async () => {
    await act('approve', 'looks fine to me');
    const problem = page.locator('#outcome .problem[data-http-status="403"]');
    await problem.waitFor();
    const text = await problem.innerText();
    assert.match(text, /403 Forbidden/);
    assert.match(text, /mallory@contoso\.com/);
    const view = await world.api.call('GET', `/api/releases/${releaseId}`);
    assert.equal((view.body as { status: string }).status, 'WaitingForApproval');
    assert.equal((view.body as { waitingFor?: { stage: string } }).waitingFor?.stage, 'staging');
  });

  it('approves staging as the QA lead: the release moves on, the page follows, HTML stays text', async () => {
    await page.click('#disconnect');
    await page.locator('#connect').waitFor();
    assert.deepEqual(await page.evaluate<string[]>('Object.keys(sessionStorage)'), []);
    await connect(users.qaLead);
    await page.locator('#release-status [data-status="WaitingForApproval"]').waitFor();
    assert.equal(await page.innerText('#who-label'), `token for ${users.qaLead}`);

    const comment = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    await act('approve', comment);
    await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    await world.untilWaitingFor(releaseId, 'production');

    await page.locator('#waiting-for', { hasText: 'approval of production' }).waitFor();
    const staging = page.locator('#stages tr', { hasText: 'staging' });
    assert.match(await staging.innerText(), /Succeeded/);
    assert.ok((await staging.innerText()).includes(comment), 'the comment shows as typed');
    assert.equal(await page.locator('img').count(), 0, 'no element made from the text');
    assert.equal(await page.locator('main script').count(), 0);
    assert.deepEqual(browser.dialogs, []);
  });

  it('rejects production as the engineering lead; the page shows the release rejected', async () => {
    await page.click('#disconnect');
    await connect(users.engLead);
    await page.locator('#actions button[data-action="reject"]').waitFor();
    await act('reject', 'the load test numbers look off');
    await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    const ended = await world.untilEnded(releaseId);
    assert.equal(ended.status, 'Rejected');
    await page.locator('#release-status [data-status="Rejected"]').waitFor();
    assert.equal(await page.locator('#actions button').count(), 0, 'nothing left to do');
  });

  it('cancels a release waiting for staging from the page', async () => {
    const next = await world.push('1.5.0');
    await world.untilWaitingFor(next.releaseId, 'staging');
    await page.click('#nav-releases');
    await page.locator('#releases a.release-link', { hasText: next.releaseId }).click();
    await page.locator('#release-status [data-status="WaitingForApproval"]').waitFor();
    await act('cancel', 'built from the wrong branch');
    await page.locator('#outcome .done[data-http-status="202"]').waitFor();
    assert.equal((await world.untilEnded(next.releaseId)).status, 'Canceled');
    await page.locator('#release-status [data-status="Canceled"]').waitFor();
    assert.deepEqual(browser.errors, [], 'no script errors or CSP violations');
    assert.deepEqual(browser.dialogs, []);
  });
});
