import { existsSync } from 'node:fs';

import { type Browser, chromium, type Page } from 'playwright-core';

/** The Debian Chromium the console tests drive (`apt-get install chromium`; .ci/run installs it). */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a quiet, headless, network-free Chromium. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with one page, and what the page did that a test should know about. */
export interface ConsoleBrowser {
  browser: Browser;
  page: Page;
  /** Native dialogs (alert/confirm/prompt) the page opened; each is dismissed. */
  dialogs: string[];
  /** Uncaught page errors and console errors (CSP violations show up here), but not failed requests (refusals the page shows). */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium (a fresh temporary profile per launch) with one page. Fails,
 * never skips, when Chromium is not installed.
 */
export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `console e2e: expected Chromium at ${chromiumPath}, got nothing; install it with "apt-get install -y --no-install-recommends chromium" (.ci/run does)`,
    );
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { browser, page, dialogs, errors, close: () => browser.close() };
}
