// callHttp through the built-in HTTP activity, as the extension's
// DurableOrchestrationContext.CallHttpAsync and TaskHttpActivityShim do: the request is sent,
// a 202 with a Location is polled (a durable timer of Retry-After seconds, then a GET of the
// Location) until another status arrives.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';
import { summarizeHistory } from './summarizeHistory.js';

const appDir = path.join(fixtureAppDir, '../devhost-callhttp');
const api = '/runtime/webhooks/durabletask';

interface Seen {
  method: string;
  url: string;
  test: string | undefined;
  contentType: string | undefined;
  body: string;
}

describe('callHttp (the built-in HTTP activity)', () => {
  let host: DevHost;
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));

  const read = async (req: IncomingMessage): Promise<string> => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return body;
  };

  before(async () => {
    server = createServer((req, res) => {
      void read(req).then((body) => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          test: req.headers['x-test'] as string | undefined,
          contentType: req.headers['content-type'],
          body,
        });
        if (req.url === '/jobs') {
          res.writeHead(202, { Location: `${base}/jobs/1`, 'Retry-After': '90' }).end();
        } else if (req.url === '/jobs/1') {
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('job done');
        } else res.writeHead(404).end('no such job');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    host = await startDevHost({ appDir, clock });
  });
  after(async () => {
    await host.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('polls a 202 with a Location after Retry-After on a durable timer, then returns the answer', async () => {
    const t0 = clock.now();
    const res = await post(host.url, `${api}/orchestrators/CallApi/http-1`, {
      url: `${base}/jobs`,
    });
    assert.equal(res.status, 202);
    const s = await host.waitFor('http-1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, {
      statusCode: 200,
      content: 'job done',
      location: null,
      at: new Date(t0 + 90_000).toISOString(),
    });
    assert.deepEqual(
      seen.map((r) => [r.method, r.url, r.test, r.contentType, r.body]),
      [
        ['POST', '/jobs', '1', 'text/plain', '{"hello":"world"}'],
        ['GET', '/jobs/1', '1', undefined, ''],
      ],
    );
    const lines = summarizeHistory((await host.history('http-1')) ?? [], t0);
    assert.deepEqual(
      lines
        .filter((l) => /TaskScheduled|TimerCreated|TimerFired/.test(l))
        .map((l) => l.split(' [')[0]),
      [
        '+0m TaskScheduled#0 BuiltIn::HttpActivity',
        '+0m TimerCreated#1 at+90000ms',
        '+90000ms TimerFired ->1 at+90000ms',
        '+90000ms TaskScheduled#2 BuiltIn::HttpActivity',
      ],
    );
  });

  it('returns the 202 itself when polling is off', async () => {
    await post(host.url, `${api}/orchestrators/CallApi/http-2`, {
      url: `${base}/jobs`,
      enablePolling: false,
    });
    const s = await host.waitFor('http-2', (x) => x.runtimeStatus === 'Completed');
    assert.equal((s.output as { statusCode: number }).statusCode, 202);
    assert.equal((s.output as { location: string }).location, `${base}/jobs/1`);
  });

  it('fails the orchestration when no answer arrives, naming the request', async () => {
    await post(host.url, `${api}/orchestrators/CallApi/http-3`, { url: 'http://127.0.0.1:1/x' });
    const s = await host.waitFor('http-3', (x) => x.runtimeStatus === 'Failed');
    assert.match(String(s.output), /callHttp POST http:\/\/127\.0\.0\.1:1\/x: /);
  });
});
