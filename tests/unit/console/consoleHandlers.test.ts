import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
  consoleScriptsDir,
  loadConsoleAssets,
} from '../../../src/functions/console/consoleAssets.js';
import {
  consoleAssetHandler,
  consolePageHandler,
  type ConsoleRequest,
} from '../../../src/functions/console/consoleHandlers.js';
import { consoleContentSecurityPolicy } from '../../../src/functions/console/consoleHeaders.js';

function appWithScripts(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slotpilot-console-'));
  const dir = join(root, consoleScriptsDir);
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return root;
}

const get = (
  path: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): ConsoleRequest => ({
  url: `http://127.0.0.1:7071${path}`,
  params,
  headers: new Headers(headers),
});

describe('console page and asset handlers', () => {
  const root = appWithScripts({
    'app.js': 'import "./format.js";',
    'format.js': 'export {};',
    'notes.txt': 'not served',
  });
  const assets = loadConsoleAssets(root);

  it('serves the page with the strict headers and no data', async () => {
    const res = await consolePageHandler(assets)(get('/api/console'));
    assert.equal(res.status, 200);
    const headers = res.headers as Record<string, string>;
    assert.equal(headers['Content-Security-Policy'], consoleContentSecurityPolicy);
    assert.match(consoleContentSecurityPolicy, /^default-src 'none'; script-src 'self';/);
    assert.equal(headers['X-Content-Type-Options'], 'nosniff');
    assert.equal(headers['Referrer-Policy'], 'no-referrer');
    assert.equal(headers['Cache-Control'], 'no-cache');
    assert.match(headers['Content-Type'] ?? '', /^text\/html/);
    assert.match(res.body as string, /src="\/api\/console\/app\.js"/);
  });

  it('serves the compiled scripts and the stylesheet by name, 304 when unchanged', async () => {
    const handler = consoleAssetHandler(assets);
    const js = await handler(get('/api/console/format.js', { file: 'format.js' }));
    assert.equal(js.status, 200);
    assert.equal(js.body, 'export {};');
    const headers = js.headers as Record<string, string>;
    assert.match(headers['Content-Type'] ?? '', /^text\/javascript/);
    const again = await handler(
      get('/api/console/format.js', { file: 'format.js' }, { 'if-none-match': headers.ETag ?? '' }),
    );
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined);
    const css = await handler(get('/api/console/app.css', { file: 'app.css' }));
    assert.match((css.headers as Record<string, string>)['Content-Type'] ?? '', /^text\/css/);
  });

  it('answers 404 for any other name, never reading a path from the request', async () => {
    const handler = consoleAssetHandler(assets);
    for (const file of ['notes.txt', '../package.json', 'missing.js', '']) {
      assert.equal((await handler(get('/api/console/x', { file }))).status, 404, file);
    }
  });

  it('answers 503 naming the build step when the scripts were not built', async () => {
    const bare = loadConsoleAssets(mkdtempSync(join(tmpdir(), 'slotpilot-console-')));
    assert.match(bare.missing ?? '', /npm run build/);
    const res = await consolePageHandler(bare)(get('/api/console'));
    assert.equal(res.status, 503);
    assert.match(JSON.stringify(res.jsonBody), /The console is not built/);
  });
});
