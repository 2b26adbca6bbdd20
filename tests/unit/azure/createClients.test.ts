import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
} from '@azure/core-rest-pipeline';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';

import { createClients } from '../../../src/azure/clients/createClients.js';
import { prefixRewritingHttpClient } from '../../../src/azure/clients/prefixRewritingHttpClient.js';
import { ValidationError } from '../../../src/domain/errors.js';

const storage = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };

test('Azure mode uses DefaultAzureCredential, or the managed identity named by AZURE_CLIENT_ID', () => {
  assert.ok(createClients(storage).credential instanceof DefaultAzureCredential);
  assert.ok(
    createClients({ ...storage, AZURE_CLIENT_ID: 'id' }).credential instanceof
      ManagedIdentityCredential,
  );
});

test('sandbox mode uses a static bearer token', async () => {
  const clients = createClients({
    ...storage,
    SLOTPILOT_ARM_ENDPOINT: 'http://127.0.0.1:1',
    SLOTPILOT_LOGS_ENDPOINT: 'http://127.0.0.1:1/v1',
  });
  assert.equal(clients.settings.mode, 'sandbox');
  const token = await clients.credential.getToken('https://management.azure.com/.default');
  assert.equal(token?.tokenType, 'Bearer');
  assert.ok((token?.expiresOnTimestamp ?? 0) > Date.now());
});

test('siteUrl maps host names through SLOTPILOT_HOST_MAP, else https://<host>', () => {
  const clients = createClients({
    ...storage,
    SLOTPILOT_HOST_MAP: '{"a.azurewebsites.net":"http://127.0.0.1:9"}',
  });
  assert.equal(clients.siteUrl('A.azurewebsites.net'), 'http://127.0.0.1:9');
  assert.equal(clients.siteUrl('b.azurewebsites.net'), 'https://b.azurewebsites.net');
});

test('the audit container comes from the connection string and container settings', () => {
  const clients = createClients({ ...storage, SLOTPILOT_AUDIT_CONTAINER: 'trail' });
  assert.equal(clients.auditContainer.containerName, 'trail');
  assert.equal(clients.auditContainer.url, 'http://127.0.0.1:10000/devstoreaccount1/trail');
});

test('an unreadable CA certificate names SLOTPILOT_CA_CERT', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotpilot-ca-'));
  const notPem = join(dir, 'not.pem');
  writeFileSync(notPem, 'hello');
  const settings = {
    ...storage,
    SLOTPILOT_ARM_ENDPOINT: 'https://127.0.0.1:1',
    SLOTPILOT_LOGS_ENDPOINT: 'https://127.0.0.1:1/v1',
  };
  for (const path of [join(dir, 'missing.pem'), notPem]) {
    assert.throws(
      () => createClients({ ...settings, SLOTPILOT_CA_CERT: path }),
      (err: unknown) => err instanceof ValidationError && err.field === 'SLOTPILOT_CA_CERT',
    );
  }
});

test('mixed http/https sandbox endpoints are refused', () => {
  assert.throws(
    () =>
      createClients({
        ...storage,
        SLOTPILOT_ARM_ENDPOINT: 'http://127.0.0.1:1',
        SLOTPILOT_LOGS_ENDPOINT: 'https://127.0.0.1:1/v1',
      }),
    (err: unknown) => err instanceof ValidationError && err.field === 'SLOTPILOT_LOGS_ENDPOINT',
  );
});

test('the rewriting client sends public origins to the sandbox and leaves other URLs alone', async () => {
  const seen: Array<[string, boolean]> = [];
  const inner: HttpClient = {
    sendRequest: (req) => {
      seen.push([req.url, req.allowInsecureConnection === true]);
      return Promise.resolve({ request: req, status: 200, headers: createHttpHeaders() });
    },
  };
  const client = prefixRewritingHttpClient(
    {
      'https://management.azure.com': 'http://127.0.0.1:7',
      'https://api.loganalytics.io/v1': 'http://127.0.0.1:7/v1',
    },
    inner,
  );
  for (const url of [
    'https://management.azure.com/subscriptions/s?api-version=1',
    'https://api.loganalytics.io/v1/workspaces/w/query',
    'https://example.com/x',
  ]) {
    await client.sendRequest(createPipelineRequest({ url }));
  }
  assert.deepEqual(seen, [
    ['http://127.0.0.1:7/subscriptions/s?api-version=1', true],
    ['http://127.0.0.1:7/v1/workspaces/w/query', true],
    ['https://example.com/x', false],
  ]);
});
