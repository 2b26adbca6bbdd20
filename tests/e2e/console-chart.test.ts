import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Locator, Page } from 'playwright-core';

import { repoRoot } from './support/buildApp.js';
import { type ConsoleBrowser, launchConsoleBrowser } from './support/consoleBrowser.js';
import { consoleUsers as users, ConsoleWorld } from './support/ConsoleWorld.js';
import { Given, Then, When } from './support/steps.js';

interface View {
  swappedAt?: string;
  monitor?: {
    samples: { at: string; health: string; errorRate: number | null; p95Ms: number | null }[];
  };
  rollback?: { detectedAt: string; decidedAt: string; swapBackCompletedAt?: string };
}

/** The attribute `name` of every element `locator` matches, in document order. */
async function attrOfAll(locator: Locator, name: string): Promise<(string | null)[]> {
  return Promise.all((await locator.all()).map((el) => el.getAttribute(name)));
}

describe('console: the monitoring window drawn as a chart (Chromium)', () => {
  let world: ConsoleWorld;
  let browser: ConsoleBrowser;
  let page: Page;
  let releaseId = '';
  let view: View;

  before(async () => {
    world = await ConsoleWorld.start({ config: { monitor: true } });
    browser = await launchConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
    view = await Given(
      'a release whose production turns unhealthy 20 minutes in and is rolled back',
      async () => {
        const pushed = await world.releaseToProduction('3.0.0', 'unhealthy-later:20m');
        releaseId = pushed.releaseId;
        const ended = await world.untilEnded(releaseId);
        assert.equal(ended.status, 'RolledBack');
        return (await world.api.call('GET', `/api/releases/${releaseId}`)).body as View;
      },
    );
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('draws every sample of both metrics, the thresholds, the health failure and the rollback moments', async () => {
    const chart = await When('the engineering lead opens the release in the console', async () => {
      await page.goto(world.consoleUrl());
      await page.fill('#connect-key', world.host.functionKey);
      await page.fill('#connect-token', await world.token(users.engLead));
      await page.click('#connect-submit');
      await page.locator('#list-view').waitFor();
      await page.goto(world.consoleUrl(`#/releases/${releaseId}`));
      const chart = page.locator('#monitor-chart');
      await chart.waitFor();
      return chart;
    });

    await Then(
      "each sample with a value is a point in its panel, at the sample's time",
      async () => {
        const samples = view.monitor?.samples ?? [];
        assert.ok(samples.length >= 10, `${samples.length} samples`);
        for (const metric of ['errorRate', 'p95Ms'] as const) {
          const drawn = await attrOfAll(
            chart.locator(`.panel[data-metric="${metric}"] circle.sample`),
            'data-at',
          );
          assert.deepEqual(
            drawn,
            samples.filter((s) => s[metric] !== null).map((s) => s.at),
            `${metric} points`,
          );
        }
        // …against the configured thresholds (slotpilot.yaml: 1 %, 2 s)
        assert.equal(
          await chart.locator('.threshold[data-metric="errorRate"]').getAttribute('data-value'),
          '0.01',
        );
        assert.equal(
          await chart.locator('.threshold[data-metric="p95Ms"]').getAttribute('data-value'),
          '2000',
        );
        // …a breaching point lies above its threshold line, a passing one below
        const panel = chart.locator('.panel[data-metric="errorRate"]');
        const limit = Number(await panel.locator('.threshold line').getAttribute('y1'));
        const points = await panel.locator('circle.sample').all();
        const above = await Promise.all(
          points.map(async (c) => ({
            verdict: await c.getAttribute('data-verdict'),
            value: Number(await c.getAttribute('data-value')),
            above: Number(await c.getAttribute('cy')) < limit,
          })),
        );
        for (const p of above) assert.equal(p.above, p.value > 0.01, JSON.stringify(p));

        // …the failing health probe is marked at its sample, and only there
        const failures = await attrOfAll(chart.locator('.health-failure'), 'data-at');
        assert.deepEqual(
          failures,
          samples.filter((s) => s.health === 'fail').map((s) => s.at),
        );
        assert.ok(failures.length >= 1);

        // …and the swap, then detect, decide and done are marked in time order
        const events = await Promise.all(
          (await chart.locator('.event').all()).map(async (e) => ({
            kind: await e.getAttribute('data-event'),
            at: await e.getAttribute('data-at'),
            x: Number(await e.locator('line').getAttribute('x1')),
          })),
        );
        const rollback = view.rollback;
        assert.ok(rollback !== undefined && view.swappedAt !== undefined);
        assert.deepEqual(
          events.map((e) => [e.kind, e.at]),
          [
            ['swap', view.swappedAt],
            ['detect', rollback.detectedAt],
            ['decide', rollback.decidedAt],
            ['done', rollback.swapBackCompletedAt],
          ],
        );
        const xs = events.map((e) => e.x);
        assert.deepEqual(
          [...xs].sort((a, b) => a - b),
          xs,
          'left to right in time order',
        );
        assert.equal(
          await chart.locator('.canary-step').count(),
          0,
          'no canary steps in a swap release',
        );
      },
    );

    // A picture for people (not asserted on)
    const shots = path.join(repoRoot, '.slotpilot');
    mkdirSync(shots, { recursive: true });
    await chart.screenshot({ path: path.join(shots, 'monitor-chart.png') });
    assert.deepEqual(browser.errors, [], 'no script errors or CSP violations');
  });
});
