import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

import { appRoot } from '../../../src/functions/startup/appRoot.js';
import { publicBaseUrl } from '../../../src/functions/startup/publicBaseUrl.js';
import { readAppVersion } from '../../../src/functions/startup/readAppVersion.js';

describe('startup helpers', () => {
  it('derives the public origin from the settings', () => {
    assert.equal(
      publicBaseUrl({ SLOTPILOT_PUBLIC_URL: 'https://ops.contoso.com/' }),
      'https://ops.contoso.com',
    );
    assert.equal(
      publicBaseUrl({ WEBSITE_HOSTNAME: 'slotpilot.azurewebsites.net' }),
      'https://slotpilot.azurewebsites.net',
    );
    assert.equal(publicBaseUrl({ WEBSITE_HOSTNAME: '127.0.0.1:7071' }), 'http://127.0.0.1:7071');
    assert.equal(publicBaseUrl({ WEBSITE_HOSTNAME: '0.0.0.0:7071' }), 'http://localhost:7071');
    assert.equal(publicBaseUrl({}), 'http://localhost:7071');
  });

  it('finds the app root above the compiled entry and reads its version', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slotpilot-root-'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.2.3' }));
    mkdirSync(path.join(root, 'dist', 'src'), { recursive: true });
    const entry = pathToFileURL(path.join(root, 'dist', 'src', 'index.js')).href;
    assert.equal(appRoot(entry), root);
    assert.equal(readAppVersion(root), '1.2.3');
    assert.equal(readAppVersion(path.join(root, 'missing')), '0.0.0');
  });
});
