// Durable entities: signal and call from orchestrations (EventSent "op" messages, answers raised
// to the caller by request id), the entities HTTP routes (HttpApiHandler's
// HandleGetEntityRequestAsync / HandlePostEntityOperationRequestAsync) and the durable client.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

const appDir = path.join(fixtureAppDir, '../devhost-entities');
const api = '/runtime/webhooks/durabletask';

describe('durable entities', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  before(async () => {
    host = await startDevHost({ appDir, clock });
  });
  after(async () => {
    await host.stop();
  });
  const state = async (name: string, key: string): Promise<Response> =>
    fetch(`${host.url}${api}/entities/${name}/${key}`);

  it('signals and calls an entity from an orchestration, in order; the entity signals another', async () => {
    assert.equal(
      (await post(host.url, `${api}/orchestrators/UseCounter/use-1`, '"c1"')).status,
      202,
    );
    const s = await host.waitFor('use-1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 5);
    await host.settle();
    const tally = await state('Tally', 'all');
    assert.equal(tally.status, 200);
    assert.equal(await tally.json(), 5);
    const sent = ((await host.history('use-1')) ?? []).filter((e) => e.EventType === 14);
    assert.deepEqual(
      sent.map((e) => [e.EventId, e['InstanceId'], e['Name']]),
      [
        [0, '@counter@c1', 'op'],
        [1, '@counter@c1', 'op'],
      ],
    );
  });

  it('serves entity state over HTTP: 200 with the state, 404 for none; signals with ?op=', async () => {
    assert.equal((await state('Counter', 'nobody')).status, 404);
    assert.equal((await post(host.url, `${api}/entities/Counter/c1?op=add`, 10)).status, 202);
    await host.settle();
    const res = await state('counter', 'c1');
    assert.equal(res.status, 200);
    assert.equal(await res.json(), 15);
    assert.equal((await fetch(`${host.url}${api}/entities/Counter`)).status, 501);
  });

  it("serves the durable client's signalEntity and readEntityState", async () => {
    assert.equal((await post(host.url, '/api/counter/c2/add', 7)).status, 202);
    await host.settle();
    const res = await fetch(`${host.url}/api/counter/c2`);
    assert.deepEqual(await res.json(), { exists: true, state: 7 });
    assert.deepEqual(await (await fetch(`${host.url}/api/counter/none`)).json(), {
      exists: false,
      state: null,
    });
  });

  it("raises an operation's error in the calling orchestration", async () => {
    await post(host.url, `${api}/orchestrators/CallFailing/fail-1`);
    const s = await host.waitFor('fail-1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, { caught: true });
  });

  it('fails a call to an entity that is not registered, naming it', async () => {
    await post(host.url, `${api}/orchestrators/CallMissing/miss-1`);
    const s = await host.waitFor('miss-1', (x) => x.runtimeStatus === 'Failed');
    assert.match(
      String(s.output),
      /The function 'missing' doesn't exist, is disabled, or is not an entity function/,
    );
  });
});
