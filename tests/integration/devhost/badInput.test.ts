import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import azureFunctions from '@azure/functions';
import * as df from 'durable-functions';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

const api = '/runtime/webhooks/durabletask';

describe('bad input never crashes the host', () => {
  let host: DevHost;
  let client: df.DurableClient;
  before(async () => {
    host = await startDevHost({
      appDir: fixtureAppDir,
      clock: new VirtualClock(),
      maxRequestBodyBytes: 64 * 1024,
    });
    const binding = df.input.durableClient();
    const context = new azureFunctions.InvocationContext({ options: { extraInputs: [binding] } });
    context.extraInputs.set(binding, host.durableClientData());
    client = df.getClient(context);
  });
  after(async () => {
    // The host still serves after everything below.
    assert.equal((await fetch(`${host.url}/api/hello`)).status, 200);
    await host.stop();
  });

  it('answers malformed JSON with 400 on start and raise', async () => {
    assert.equal(
      (await post(host.url, `${api}/orchestrators/Sequence/bad-1`, '{"a":')).status,
      400,
    );
    await post(host.url, `${api}/orchestrators/WaitForApproval/bad-2`);
    assert.equal(
      (await post(host.url, `${api}/instances/bad-2/raiseEvent/Approval`, '[1,')).status,
      400,
    );
  });

  it('answers an oversize body with 413', async () => {
    const big = 'x'.repeat(70 * 1024);
    const res = await post(host.url, `${api}/orchestrators/Sequence/bad-big`, JSON.stringify(big));
    assert.equal(res.status, 413);
    assert.equal(await host.getStatus('bad-big'), undefined);
  });

  it('answers malformed percent-encoding with 400', async () => {
    assert.equal((await fetch(`${host.url}${api}/instances/%E0%A4%A`)).status, 400);
  });

  it('answers unknown functions on every surface', async () => {
    assert.equal((await fetch(`${host.url}/api/not-a-function`)).status, 404);
    assert.equal((await post(host.url, `${api}/orchestrators/Nope`, {})).status, 400);
    const eg = await post(host.url, '/runtime/webhooks/EventGrid?functionName=Nope', [], {
      'aeg-event-type': 'Notification',
    });
    assert.equal(eg.status, 404);
    assert.equal((await post(host.url, '/admin/functions/Nope', {})).status, 404);
  });

  it('handles event names with / ? # & the way the unencoded DurableClient sends them', async () => {
    const id = await client.startNew('WaitForApproval', { instanceId: 'bad-names' });
    await host.settle();
    // "/" adds a path segment: no route matches, the client rejects on the 404.
    await assert.rejects(client.raiseEvent(id, 'Appro/val', {}));
    // "&" is an ordinary path character: delivered under its full name, nobody waits for it.
    await client.raiseEvent(id, 'Appro&val', {});
    // "?" and "#" cut the name: "Approval?x" arrives as "Approval" and completes the wait.
    await client.raiseEvent(id, 'Approval?x', { by: 'query' });
    const s = await host.waitFor(id, (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, { by: 'query' });
  });

  it('answers 404 to operations on unknown instances through the client', async () => {
    await assert.rejects(client.raiseEvent('ghost', 'E', {}));
    await assert.rejects(client.terminate('ghost', 'r'));
    assert.equal((await client.purgeInstanceHistory('ghost')).instancesDeleted, 0);
  });
});
