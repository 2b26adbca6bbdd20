import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createLazyAdapters } from '../../../src/azure/createLazyAdapters.js';
import { lazyPort } from '../../../src/azure/lazyPort.js';
import { ValidationError } from '../../../src/domain/errors.js';

interface Counter {
  add(n: number): Promise<number>;
  total(): Promise<number>;
}

function counter(): Counter {
  let sum = 0;
  return {
    add: (n) => Promise.resolve((sum += n)),
    total: () => Promise.resolve(sum),
  };
}

test('a lazy port builds its implementation on the first call, once, and forwards every call', async () => {
  let loads = 0;
  const port = lazyPort<Counter>(
    () => {
      loads += 1;
      return Promise.resolve(counter());
    },
    { add: true, total: true },
  );
  assert.equal(loads, 0);
  await Promise.all([port.add(2), port.add(3)]);
  assert.equal(await port.total(), 5);
  assert.equal(loads, 1);
});

test('a lazy port whose load failed loads again on the next call', async () => {
  let loads = 0;
  const port = lazyPort<Counter>(
    () => {
      loads += 1;
      return loads === 1 ? Promise.reject(new Error('not yet')) : Promise.resolve(counter());
    },
    { add: true, total: true },
  );
  await assert.rejects(port.add(1), /not yet/);
  assert.equal(await port.add(4), 4);
  assert.equal(loads, 2);
});

test('lazy adapters still stop startup on a bad setting, naming it', () => {
  assert.throws(
    () =>
      createLazyAdapters({
        AzureWebJobsStorage: 'UseDevelopmentStorage=true',
        SLOTPILOT_HOST_MAP: '[1]',
      }),
    (err: unknown) => err instanceof ValidationError && /SLOTPILOT_HOST_MAP/.test(err.message),
  );
});

test('lazy adapters stop startup on an unreadable CA certificate, before any SDK loads', () => {
  assert.throws(
    () =>
      createLazyAdapters({
        AzureWebJobsStorage: 'UseDevelopmentStorage=true',
        SLOTPILOT_ARM_ENDPOINT: 'https://127.0.0.1:1',
        SLOTPILOT_LOGS_ENDPOINT: 'https://127.0.0.1:1/v1',
        SLOTPILOT_CA_CERT: '/nonexistent/slotpilot-ca.pem',
      }),
    (err: unknown) => err instanceof ValidationError && /SLOTPILOT_CA_CERT/.test(err.message),
  );
});

test('lazy adapters map host names like the clients do', () => {
  const adapters = createLazyAdapters({
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    SLOTPILOT_HOST_MAP: '{"a.azurewebsites.net":"http://127.0.0.1:9"}',
  });
  assert.equal(adapters.siteUrl('A.azurewebsites.net'), 'http://127.0.0.1:9');
  assert.equal(adapters.siteUrl('b.azurewebsites.net'), 'https://b.azurewebsites.net');
});
