import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readAzureSettings } from '../../../src/azure/clients/readAzureSettings.js';
import { ValidationError } from '../../../src/domain/errors.js';

const storage = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };

function rejectsWith(settings: Record<string, string>, field: string, message: RegExp): void {
  assert.throws(
    () => readAzureSettings(settings),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.equal(err.field, field);
      assert.match(err.message, message);
      return true;
    },
  );
}

test('without sandbox endpoints it is Azure mode with the AzureWebJobsStorage fallback', () => {
  const s = readAzureSettings({ ...storage, AZURE_CLIENT_ID: 'abc' });
  assert.equal(s.mode, 'azure');
  assert.equal(s.armEndpoint, undefined);
  assert.deepEqual(s.hostMap, {});
  assert.deepEqual(s.audit, {
    kind: 'connectionString',
    connectionString: 'UseDevelopmentStorage=true',
    from: 'AzureWebJobsStorage',
    container: 'slotpilot-audit',
  });
  assert.equal(s.managedIdentityClientId, 'abc');
});

test('sandbox endpoints, CA, host map and audit settings are read and normalised', () => {
  const s = readAzureSettings({
    SLOTPILOT_ARM_ENDPOINT: 'https://127.0.0.1:8443/',
    SLOTPILOT_LOGS_ENDPOINT: 'https://127.0.0.1:8443/v1',
    SLOTPILOT_CA_CERT: '/tmp/ca.pem',
    SLOTPILOT_HOST_MAP: '{"Pwbi-Api-Prod.azurewebsites.net":"http://127.0.0.1:5001/"}',
    SLOTPILOT_AUDIT_CONNECTION: 'DefaultEndpointsProtocol=http;AccountName=x',
    SLOTPILOT_AUDIT_CONTAINER: 'audit-trail',
    ...storage,
  });
  assert.equal(s.mode, 'sandbox');
  assert.equal(s.armEndpoint, 'https://127.0.0.1:8443');
  assert.equal(s.logsEndpoint, 'https://127.0.0.1:8443/v1');
  assert.equal(s.caCertPath, '/tmp/ca.pem');
  assert.deepEqual(s.hostMap, { 'pwbi-api-prod.azurewebsites.net': 'http://127.0.0.1:5001' });
  assert.equal(s.audit.from, 'SLOTPILOT_AUDIT_CONNECTION');
  assert.equal(s.audit.container, 'audit-trail');
});

test('identity-based storage settings give an account URL', () => {
  const s = readAzureSettings({ AzureWebJobsStorage__accountName: 'slotpilotsa' });
  assert.deepEqual(s.audit, {
    kind: 'serviceUrl',
    serviceUrl: 'https://slotpilotsa.blob.core.windows.net',
    from: 'AzureWebJobsStorage__accountName',
    container: 'slotpilot-audit',
  });
});

test('bad JSON in the host map names the setting', () => {
  rejectsWith(
    { ...storage, SLOTPILOT_HOST_MAP: '{not json' },
    'SLOTPILOT_HOST_MAP',
    /expected a JSON object of host name → http\(s\) base URL, got invalid JSON/,
  );
  rejectsWith({ ...storage, SLOTPILOT_HOST_MAP: '[1]' }, 'SLOTPILOT_HOST_MAP', /got a list of 1/);
  rejectsWith(
    { ...storage, SLOTPILOT_HOST_MAP: '{"a.net":"ftp://x"}' },
    'SLOTPILOT_HOST_MAP.a.net',
    /expected an http\(s\) URL, got "ftp:\/\/x"/,
  );
});

test('endpoints must be URLs and come in pairs', () => {
  rejectsWith(
    { ...storage, SLOTPILOT_ARM_ENDPOINT: 'localhost:8443' },
    'SLOTPILOT_ARM_ENDPOINT',
    /expected an http\(s\) URL/,
  );
  rejectsWith(
    { ...storage, SLOTPILOT_ARM_ENDPOINT: 'https://h' },
    'SLOTPILOT_LOGS_ENDPOINT',
    /got nothing/,
  );
  rejectsWith(
    { ...storage, SLOTPILOT_LOGS_ENDPOINT: 'https://h/v1' },
    'SLOTPILOT_ARM_ENDPOINT',
    /got nothing/,
  );
});

test('audit storage is required and the container name is checked', () => {
  rejectsWith({}, 'SLOTPILOT_AUDIT_CONNECTION', /expected a Blob connection string/);
  rejectsWith(
    { ...storage, SLOTPILOT_AUDIT_CONTAINER: 'Bad_Name' },
    'SLOTPILOT_AUDIT_CONTAINER',
    /got "Bad_Name"/,
  );
});
