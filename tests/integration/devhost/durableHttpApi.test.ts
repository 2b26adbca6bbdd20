import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

const api = '/runtime/webhooks/durabletask';

describe('Durable HTTP API status codes (raw HTTP)', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, clock, maxRequestBodyBytes: 64 * 1024 });
  });
  after(async () => {
    await host.stop();
  });
  const start = async (name: string, id: string, body?: unknown): Promise<Response> =>
    post(host.url, `${api}/orchestrators/${name}/${id}`, body);

  it('starts with 202, Location and Retry-After: 10', async () => {
    const res = await start('WaitForApproval', 'raw-1', { a: 1 });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('retry-after'), '10');
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body['id'], 'raw-1');
    assert.equal(res.headers.get('location'), body['statusQueryGetUri']);
    for (const key of [
      'sendEventPostUri',
      'terminatePostUri',
      'rewindPostUri',
      'purgeHistoryDeleteUri',
      'restartPostUri',
      'suspendPostUri',
      'resumePostUri',
    ]) {
      assert.ok(body[key]?.includes('/instances/raw-1'), key);
    }
  });

  it('reports Pending/Running as 202 with Location and Retry-After: 5', async () => {
    await host.settle();
    const res = await fetch(`${host.url}${api}/instances/raw-1`);
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('retry-after'), '5');
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body['runtimeStatus'], 'Running');
    assert.equal(body['createdTime'], '2026-01-01T00:00:00Z');
    assert.deepEqual(body['input'], { a: 1 });
    assert.ok('output' in body);
  });

  it('refuses to start an instance id that is still running (500, as the extension)', async () => {
    const res = await start('WaitForApproval', 'raw-1');
    assert.equal(res.status, 500);
  });

  it('refuses an unknown orchestrator, bad JSON and bad instance ids with 400', async () => {
    assert.equal((await start('NoSuchOrchestrator', 'x')).status, 400);
    assert.equal((await start('Sequence', 'badjson', '{oops')).status, 400);
    assert.equal((await start('Sequence', '@entity', 1)).status, 400);
    assert.equal(
      (await post(host.url, `${api}/orchestrators/Sequence/${'x'.repeat(257)}`, 1)).status,
      400,
    );
  });

  it('requires application/json to raise an event (400), and JSON content', async () => {
    const res = await fetch(`${host.url}${api}/instances/raw-1/raiseEvent/Approval`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    assert.equal(res.status, 400);
    assert.equal(
      (await post(host.url, `${api}/instances/raw-1/raiseEvent/Approval`, '{bad')).status,
      400,
    );
  });

  it('answers 404 for unknown instances on every operation', async () => {
    assert.equal((await fetch(`${host.url}${api}/instances/ghost`)).status, 404);
    assert.equal((await post(host.url, `${api}/instances/ghost/raiseEvent/E`, {})).status, 404);
    assert.equal((await post(host.url, `${api}/instances/ghost/terminate?reason=x`)).status, 404);
    assert.equal((await post(host.url, `${api}/instances/ghost/suspend`)).status, 404);
    assert.equal((await post(host.url, `${api}/instances/ghost/resume`)).status, 404);
    assert.equal(
      (await fetch(`${host.url}${api}/instances/ghost`, { method: 'DELETE' })).status,
      404,
    );
    assert.equal((await fetch(`${host.url}${api}/nonsense/path`)).status, 404);
  });

  it('completes and then answers 200, 410 for events and operations, and shows history on request', async () => {
    assert.equal(
      (await post(host.url, `${api}/instances/raw-1/raiseEvent/Approval`, { by: 'x' })).status,
      202,
    );
    await host.waitFor('raw-1', (s) => s.runtimeStatus === 'Completed');
    const res = await fetch(
      `${host.url}${api}/instances/raw-1?showHistory=true&showHistoryOutput=true`,
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as { historyEvents: { EventType: string }[] };
    assert.deepEqual(
      body.historyEvents.map((e) => e.EventType),
      ['ExecutionStarted', 'EventRaised', 'ExecutionCompleted'],
    );
    assert.equal(
      (await post(host.url, `${api}/instances/raw-1/raiseEvent/Approval`, {})).status,
      410,
    );
    assert.equal((await post(host.url, `${api}/instances/raw-1/terminate?reason=x`)).status, 410);
    assert.equal((await post(host.url, `${api}/instances/raw-1/suspend`)).status, 410);
  });

  it('answers 500 for Failed only with returnInternalServerErrorOnFailure=true', async () => {
    await start('ActivityFails', 'raw-fail');
    await host.waitFor('raw-fail', (s) => s.runtimeStatus === 'Failed');
    assert.equal((await fetch(`${host.url}${api}/instances/raw-fail`)).status, 200);
    const strict = await fetch(
      `${host.url}${api}/instances/raw-fail?returnInternalServerErrorOnFailure=true`,
    );
    assert.equal(strict.status, 500);
  });

  it('pages the instance list with top and x-ms-continuation-token', async () => {
    for (const id of ['list-a', 'list-b', 'list-c']) await start('Sequence', id, 0);
    await host.settle();
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const res: Response = await fetch(
        `${host.url}${api}/instances/?instanceIdPrefix=list-&top=2`,
        {
          headers: token === null ? {} : { 'x-ms-continuation-token': token },
        },
      );
      assert.equal(res.status, 200);
      seen.push(...((await res.json()) as { instanceId: string }[]).map((s) => s.instanceId));
      token = res.headers.get('x-ms-continuation-token');
      pages++;
    } while (token !== null && token !== '');
    assert.deepEqual(seen, ['list-a', 'list-b', 'list-c']);
    assert.equal(pages, 2);
    // HttpApiHandler reads runtimeStatus with Enum.TryParse: unknown names are ignored.
    const unknown = await fetch(
      `${host.url}${api}/instances/?instanceIdPrefix=list-&runtimeStatus=Sleeping`,
    );
    assert.equal(unknown.status, 200);
    assert.equal(((await unknown.json()) as unknown[]).length, 3);
    const mixed = await fetch(
      `${host.url}${api}/instances/?instanceIdPrefix=list-&runtimeStatus=Sleeping,Running`,
    );
    assert.deepEqual(await mixed.json(), []);
  });

  it('continues a listing where the page ended, though instances come and go between pages', async () => {
    for (const id of ['list2-a', 'list2-b', 'list2-c', 'list2-d']) await start('Sequence', id, 0);
    await host.settle();
    const page = async (token: string | null) => {
      const res = await fetch(`${host.url}${api}/instances/?instanceIdPrefix=list2-&top=2`, {
        headers: token === null ? {} : { 'x-ms-continuation-token': token },
      });
      assert.equal(res.status, 200);
      return {
        ids: ((await res.json()) as { instanceId: string }[]).map((s) => s.instanceId),
        token: res.headers.get('x-ms-continuation-token'),
      };
    };
    const first = await page(null);
    assert.deepEqual(first.ids, ['list2-a', 'list2-b']);
    // Between pages one listed instance is purged and a new one starts.
    const purged = await fetch(`${host.url}${api}/instances/list2-a`, { method: 'DELETE' });
    assert.equal(purged.status, 200);
    await start('Sequence', 'list2-e', 0);
    await host.settle();
    const seen = [...first.ids];
    let token = first.token;
    for (let pages = 1; token !== null && token !== ''; pages++) {
      assert.ok(pages < 5, 'the pages end');
      const next = await page(token);
      seen.push(...next.ids);
      token = next.token;
    }
    assert.deepEqual(seen, ['list2-a', 'list2-b', 'list2-c', 'list2-d', 'list2-e']);
    const bad = await fetch(`${host.url}${api}/instances/?top=2`, {
      headers: { 'x-ms-continuation-token': 'bm90IGEgdG9rZW4=' },
    });
    assert.equal(bad.status, 400);
  });

  it('purges by filter: 400 without createdTimeFrom, 200 with a count, 404 when nothing matches', async () => {
    assert.equal((await fetch(`${host.url}${api}/instances/`, { method: 'DELETE' })).status, 400);
    const from = encodeURIComponent('2025-01-01T00:00:00Z');
    const res = await fetch(
      `${host.url}${api}/instances/?createdTimeFrom=${from}&runtimeStatus=Completed`,
      {
        method: 'DELETE',
      },
    );
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { instancesDeleted: number }).instancesDeleted >= 3);
    const again = await fetch(
      `${host.url}${api}/instances/?createdTimeFrom=${from}&runtimeStatus=Completed`,
      {
        method: 'DELETE',
      },
    );
    assert.equal(again.status, 404);
  });

  it('waits for completion with ?timeout=&pollingInterval=, else answers 202 after it (HttpApiHandler.HandleStartOrchestratorRequestAsync)', async () => {
    const done = await post(
      host.url,
      `${api}/orchestrators/Sequence/wait-1?timeout=5&pollingInterval=1`,
      2,
    );
    assert.equal(done.status, 200);
    assert.equal(await done.json(), 2);
    const pending = await post(
      host.url,
      `${api}/orchestrators/WaitForApproval/wait-2?timeout=0.1&pollingInterval=0.1`,
      {},
    );
    assert.equal(pending.status, 202);
    assert.ok(
      ((await pending.json()) as { statusQueryGetUri: string }).statusQueryGetUri.includes(
        'wait-2',
      ),
    );
  });

  it('restarts an instance under a new id, or under the same id once it has ended', async () => {
    await start('Sequence', 'restart-1', 2);
    await host.waitFor('restart-1', (s) => s.runtimeStatus === 'Completed');
    const fresh = await post(host.url, `${api}/instances/restart-1/restart`);
    assert.equal(fresh.status, 202);
    const { id } = (await fresh.json()) as { id: string };
    assert.notEqual(id, 'restart-1');
    assert.equal((await host.waitFor(id, (s) => s.runtimeStatus === 'Completed')).output, 2);
    const same = await post(
      host.url,
      `${api}/instances/restart-1/restart?restartWithNewInstanceId=false`,
    );
    assert.equal(same.status, 202);
    assert.equal(((await same.json()) as { id: string }).id, 'restart-1');
    assert.equal(
      (await host.waitFor('restart-1', (s) => s.runtimeStatus === 'Completed')).input,
      2,
    );
    await start('WaitForApproval', 'restart-2');
    const running = await post(
      host.url,
      `${api}/instances/restart-2/restart?restartWithNewInstanceId=false`,
    );
    assert.equal(running.status, 400);
    assert.equal((await post(host.url, `${api}/instances/restart-1/rewind?reason=x`)).status, 410);
  });
});
