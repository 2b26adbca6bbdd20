import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import azureFunctions from '@azure/functions';
import * as df from 'durable-functions';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

describe('Durable management API through the real DurableClient', () => {
  let host: DevHost;
  let client: df.DurableClient;
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, clock: new VirtualClock() });
    const binding = df.input.durableClient();
    const context = new azureFunctions.InvocationContext({ options: { extraInputs: [binding] } });
    context.extraInputs.set(binding, host.durableClientData());
    client = df.getClient(context);
  });
  after(async () => {
    await host.stop();
  });

  it('starts, reports status, raises an event and sees the output', async () => {
    const id = await client.startNew('WaitForApproval', { instanceId: 'dc-1', input: { a: 1 } });
    assert.equal(id, 'dc-1');
    await host.settle();
    const running = await client.getStatus(id);
    assert.equal(running.runtimeStatus, df.OrchestrationRuntimeStatus.Running);
    assert.deepEqual(running.input, { a: 1 });
    assert.deepEqual(running.customStatus, { waitingFor: 'Approval' });
    await client.raiseEvent(id, 'Approval', { by: 'eng-lead' });
    await host.waitFor(id, (s) => s.runtimeStatus === 'Completed');
    const done = await client.getStatus(id);
    assert.equal(done.runtimeStatus, df.OrchestrationRuntimeStatus.Completed);
    assert.deepEqual(done.output, { by: 'eng-lead' });
  });

  it('stores "" as the input of startNew without input (production quirk)', async () => {
    const id = await client.startNew('Sequence', { instanceId: 'dc-noinput' });
    const s = await host.waitFor(id, (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.input, '');
  });

  it('generates an instance id when none is given', async () => {
    const id = await client.startNew('Sequence', { input: 1 });
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal((await host.waitFor(id, (x) => x.runtimeStatus === 'Completed')).output, 1);
  });

  it('terminates with a reason', async () => {
    const id = await client.startNew('WaitForApproval', { instanceId: 'dc-term' });
    await host.settle();
    await client.terminate(id, 'no longer needed');
    const s = await host.waitFor(id, (x) => x.runtimeStatus === 'Terminated');
    assert.equal(s.output, 'no longer needed');
    assert.equal(
      (await client.getStatus(id)).runtimeStatus,
      df.OrchestrationRuntimeStatus.Terminated,
    );
  });

  it('suspends and resumes', async () => {
    const id = await client.startNew('WaitForApproval', { instanceId: 'dc-susp' });
    await host.settle();
    await client.suspend(id, 'hold');
    await host.settle();
    assert.equal(
      (await client.getStatus(id)).runtimeStatus,
      df.OrchestrationRuntimeStatus.Suspended,
    );
    await client.resume(id, 'go');
    await host.settle();
    assert.equal((await client.getStatus(id)).runtimeStatus, df.OrchestrationRuntimeStatus.Running);
  });

  it('rejects getStatus of an unknown instance (the client throws on 404)', async () => {
    await assert.rejects(client.getStatus('does-not-exist'));
  });

  it('lists every instance across pages by following the continuation token', async () => {
    for (let i = 0; i < 105; i++)
      await client.startNew('Sequence', { instanceId: `page-${i}`, input: 0 });
    await host.settle();
    const all = await client.getStatusAll();
    const paged = all.filter((s) => s.instanceId.startsWith('page-'));
    assert.equal(paged.length, 105);
    const completed = await client.getStatusBy({
      runtimeStatus: [df.OrchestrationRuntimeStatus.Completed],
    });
    assert.ok(completed.length >= 105);
    assert.ok(completed.every((s) => s.runtimeStatus === df.OrchestrationRuntimeStatus.Completed));
  });

  it('purges a terminal instance, then reports nothing to purge', async () => {
    const first = await client.purgeInstanceHistory('page-0');
    assert.equal(first.instancesDeleted, 1);
    const second = await client.purgeInstanceHistory('page-0');
    assert.equal(second.instancesDeleted, 0);
    assert.equal(await host.getStatus('page-0'), undefined);
  });

  it('serves createCheckStatusResponse URLs on the same origin as /api', async () => {
    const res = await post(host.url, '/api/start/WaitForApproval/dc-check', { x: 1 });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('retry-after'), '10');
    const body = (await res.json()) as Record<string, string>;
    assert.equal(res.headers.get('location'), body['statusQueryGetUri']);
    assert.ok(
      body['statusQueryGetUri']?.startsWith(
        `${host.url}/runtime/webhooks/durabletask/instances/dc-check`,
      ),
    );
    await host.settle();
    const status = await fetch(body['statusQueryGetUri'] ?? '');
    assert.equal(status.status, 202);
    const raise = await post(
      host.url,
      (body['sendEventPostUri'] ?? '').replace(host.url, '').replace('{eventName}', 'Approval'),
      {
        by: 'http',
      },
    );
    assert.equal(raise.status, 202);
    await host.waitFor('dc-check', (s) => s.runtimeStatus === 'Completed');
    const done = await fetch(body['statusQueryGetUri'] ?? '');
    assert.equal(done.status, 200);
    assert.deepEqual(((await done.json()) as { output: unknown }).output, { by: 'http' });
  });

  it('hands the durable client input to activities that declare it', async () => {
    const id = await client.startNew('StartsAnother', { instanceId: 'dc-act' });
    const s = await host.waitFor(id, (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 'dc-act-started');
    const child = await host.waitFor('dc-act-started', (x) => x.runtimeStatus === 'Completed');
    assert.equal(child.output, 2);
  });

  it('passes the start version through to context.df.version', async () => {
    const id = await client.startNew('ReportsVersion', {
      instanceId: 'dc-version',
      version: '2.1',
    });
    assert.equal((await host.waitFor(id, (x) => x.runtimeStatus === 'Completed')).output, '2.1');
  });
});
