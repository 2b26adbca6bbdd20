import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createClients } from '../../../src/azure/clients/createClients.js';
import { NonRetryableError, ValidationError } from '../../../src/domain/errors.js';

const storage = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };
const sandbox = {
  ...storage,
  SLOTPILOT_ARM_ENDPOINT: 'http://127.0.0.1:1',
  SLOTPILOT_LOGS_ENDPOINT: 'http://127.0.0.1:1/v1',
};

test('Azure mode: one registry client per login server, at https://<loginServer>', () => {
  const clients = createClients(storage);
  const client = clients.registry('PwbiRegistry.azurecr.io');
  assert.equal(client.endpoint, 'https://pwbiregistry.azurecr.io');
  assert.equal(clients.registry('pwbiregistry.azurecr.io'), client);
  assert.notEqual(clients.registry('other.azurecr.io'), client);
});

test('sandbox mode reaches only the registries of SLOTPILOT_REGISTRY_ENDPOINTS', () => {
  const clients = createClients({
    ...sandbox,
    SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify({
      'PwbiRegistry.azurecr.io': 'http://127.0.0.1:2/',
      'tls.azurecr.io': 'https://127.0.0.1:3',
    }),
  });
  assert.deepEqual(clients.settings.registryEndpoints, {
    'pwbiregistry.azurecr.io': 'http://127.0.0.1:2',
    'tls.azurecr.io': 'https://127.0.0.1:3',
  });
  // http endpoints keep the public https endpoint (the HTTP client rewrites it).
  assert.equal(
    clients.registry('pwbiregistry.azurecr.io').endpoint,
    'https://pwbiregistry.azurecr.io',
  );
  assert.equal(clients.registry('tls.azurecr.io').endpoint, 'https://127.0.0.1:3');
  assert.throws(
    () => clients.registry('foreign.azurecr.io'),
    (err: unknown) =>
      err instanceof NonRetryableError &&
      /foreign\.azurecr\.io is not served here.*SLOTPILOT_REGISTRY_ENDPOINTS/.test(err.message),
  );
});

test('a malformed SLOTPILOT_REGISTRY_ENDPOINTS is refused naming the setting', () => {
  assert.throws(
    () => createClients({ ...sandbox, SLOTPILOT_REGISTRY_ENDPOINTS: '["x"]' }),
    (err: unknown) =>
      err instanceof ValidationError &&
      err.field === 'SLOTPILOT_REGISTRY_ENDPOINTS' &&
      /registry login server/.test(err.expected),
  );
  assert.throws(
    () =>
      createClients({
        ...sandbox,
        SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify({ 'reg.azurecr.io': 'ftp://x' }),
      }),
    (err: unknown) =>
      err instanceof ValidationError && err.field === 'SLOTPILOT_REGISTRY_ENDPOINTS.reg.azurecr.io',
  );
});
