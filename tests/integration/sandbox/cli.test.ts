import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { WebSiteManagementClient } from '@azure/arm-appservice';
import type { RestError } from '@azure/core-rest-pipeline';
import { stringify } from 'yaml';

import {
  defaultScenarioPath,
  loadScenario,
  type ReadyInfo,
  staticCredential,
} from '../../../sandbox/index.js';

void describe('npm run sandbox (CLI)', () => {
  let child: ChildProcess;
  let ready: ReadyInfo;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    const scenario = {
      ...loadScenario(defaultScenarioPath),
      faults: [{ op: 'get', kind: '500', times: 1 }],
    };
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, stringify(scenario));
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli/main.ts', '--scenario', file, '--clock', 'scale:60'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    ready = await new Promise<ReadyInfo>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^sandbox ready (\{.*\})$/m.exec(out);
        if (m?.[1] !== undefined) resolve(JSON.parse(m[1]) as ReadyInfo);
      });
      child.once('exit', (code) => reject(new Error(`sandbox exited early with ${code}: ${out}`)));
    });
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  void it('prints sandbox ready with the endpoints as one JSON object', () => {
    assert.match(ready.armEndpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(ready.logsEndpoint, `${ready.armEndpoint}/v1`);
    assert.match(
      ready.blobConnectionString,
      /BlobEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1/,
    );
    assert.match(readFileSync(ready.caCertPath, 'utf8'), /BEGIN CERTIFICATE/);
    assert.match(ready.adminUrl, /^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    // Four default host names (dev, staging, production and its slot) and production's custom domain
    assert.equal(Object.keys(ready.hostMap).length, 5);
    assert.ok('api.pwbi.contoso.com' in ready.hostMap, Object.keys(ready.hostMap).join(', '));
    assert.equal(ready.subscriptionId, '00000000-0000-0000-0000-000000000000');
  });

  void it('applies faults from the scenario file, then serves normally', async () => {
    const web = new WebSiteManagementClient(staticCredential, ready.subscriptionId, {
      endpoint: ready.armEndpoint,
      tlsOptions: { ca: readFileSync(ready.caCertPath, 'utf8') },
      retryOptions: { maxRetries: 0 },
    });
    await assert.rejects(
      web.webApps.get('pwbi-prod', 'pwbi-api-prod'),
      (err: RestError) => err.statusCode === 500,
    );
    assert.equal((await web.webApps.get('pwbi-prod', 'pwbi-api-prod')).name, 'pwbi-api-prod');
  });

  void it('is trusted through NODE_EXTRA_CA_CERTS by a process that sets no TLS options', async () => {
    const script = [
      "import { WebSiteManagementClient } from '@azure/arm-appservice';",
      "const credential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3600000 }) };",
      `const web = new WebSiteManagementClient(credential, '${ready.subscriptionId}', { endpoint: '${ready.armEndpoint}' });`,
      "const site = await web.webApps.get('pwbi-prod', 'pwbi-api-prod');",
      'console.log(site.defaultHostName);',
    ].join('\n');
    const run = (extraCa: string | undefined): Promise<{ code: number | null; text: string }> =>
      new Promise((resolve) => {
        const env = { ...process.env };
        delete env['NODE_EXTRA_CA_CERTS'];
        if (extraCa !== undefined) env['NODE_EXTRA_CA_CERTS'] = extraCa;
        const p = spawn(process.execPath, ['--input-type=module', '-e', script], {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        p.stdout.on('data', (c: Buffer) => (text += c.toString()));
        p.stderr.on('data', (c: Buffer) => (text += c.toString()));
        p.once('exit', (code) => resolve({ code, text }));
      });
    const trusted = await run(ready.caCertPath);
    assert.deepEqual([trusted.code, trusted.text.trim()], [0, 'pwbi-api-prod.azurewebsites.net']);
    const untrusted = await run(undefined);
    assert.notEqual(untrusted.code, 0);
    assert.match(untrusted.text, /self[- ]signed certificate/i);
  });

  void it('shuts down every port and child on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const blob = /BlobEndpoint=([^;]+);/.exec(ready.blobConnectionString)?.[1] ?? '';
    await assert.rejects(fetch(`${ready.adminUrl}/info`));
    await assert.rejects(fetch(blob));
    for (const url of Object.values(ready.hostMap)) await assert.rejects(fetch(`${url}/health`));
  });
});
