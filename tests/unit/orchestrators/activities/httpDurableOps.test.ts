import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { httpDurableOps } from '../../../../src/activities/httpDurableOps.js';

interface Seen {
  method: string;
  url: string;
  body: string;
}

describe('httpDurableOps (Durable HTTP API fallback)', () => {
  let server: Server;
  let origin = '';
  const seen: Seen[] = [];
  const answers = new Map<string, { status: number; body?: unknown }>();

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const key = `${req.method} ${req.url?.split('?')[0]}`;
        seen.push({ method: req.method ?? '', url: req.url ?? '', body });
        const answer = answers.get(key) ?? { status: 404 };
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const base = '/runtime/webhooks/durabletask';

  it('reads an instance, and undefined for an unknown one', async () => {
    const ops = httpDurableOps(origin);
    answers.set(`GET ${base}/instances/lock-a`, {
      status: 200,
      body: { runtimeStatus: 'Running', input: { holder: 'h' }, customStatus: { heldBy: 'r' } },
    });
    assert.deepEqual(await ops.getInstance('lock-a'), {
      runtimeStatus: 'Running',
      input: { holder: 'h' },
      customStatus: { heldBy: 'r' },
    });
    assert.equal(await ops.getInstance('nope'), undefined);
  });

  it('starts an instance with its input, and rejects when the id is taken', async () => {
    const ops = httpDurableOps(origin);
    answers.set(`POST ${base}/orchestrators/productionLock/lock-b`, {
      status: 202,
      body: { id: 'lock-b' },
    });
    await ops.startNew('productionLock', 'lock-b', { holder: 'h' });
    assert.deepEqual(JSON.parse(seen.at(-1)?.body ?? ''), { holder: 'h' });
    answers.set(`POST ${base}/orchestrators/productionLock/lock-c`, {
      status: 500,
      body: { error: 'exists' },
    });
    await assert.rejects(ops.startNew('productionLock', 'lock-c', {}), /got 500/);
  });

  it('raises events and terminates, treating gone instances as done', async () => {
    const ops = httpDurableOps(origin);
    answers.set(`POST ${base}/instances/r1/raiseEvent/cancel`, { status: 410 });
    await ops.raiseEvent('r1', 'cancel', { flush: true });
    answers.set(`POST ${base}/instances/r1-staging/terminate`, { status: 202 });
    await ops.terminate('r1-staging', 'canceled by x');
    assert.match(seen.at(-1)?.url ?? '', /terminate\?reason=canceled%20by%20x$/);
    assert.equal(
      ops.raiseEventUrl('r1-staging', 'hook-staging-e2e'),
      `${origin}${base}/instances/r1-staging/raiseEvent/hook-staging-e2e`,
    );
  });
});
