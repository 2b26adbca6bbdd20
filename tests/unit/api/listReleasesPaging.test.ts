import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient, OrchestrationFilter } from 'durable-functions';

import { listReleasesHandler } from '../../../src/functions/releases/listReleasesHandler.js';

const dayMs = 86_400_000;
const nowMs = Date.parse('2026-12-05T12:00:00.000Z');
const retentionMs = 30 * dayMs;

interface Instance {
  id: string;
  name?: string;
  createdMs: number;
  runtimeStatus?: string;
  published?: string;
}

/**
 * A task hub behind `getStatusBy`, answering as the status API does (created times to the
 * second, both window ends inclusive) and recording every filter it was asked for.
 */
class FakeTaskHub {
  readonly asked: OrchestrationFilter[] = [];

  constructor(private readonly instances: Instance[]) {}

  getStatusBy(filter: OrchestrationFilter): Promise<unknown[]> {
    this.asked.push(filter);
    const from = filter.createdTimeFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = filter.createdTimeTo?.getTime() ?? Number.POSITIVE_INFINITY;
    const statuses = filter.runtimeStatus?.map(String);
    return Promise.resolve(
      this.instances
        .filter((i) => i.createdMs >= from && i.createdMs <= to)
        .filter((i) => statuses === undefined || statuses.includes(i.runtimeStatus ?? 'Running'))
        .map((i) => ({
          name: i.name ?? 'releasePipeline',
          instanceId: i.id,
          runtimeStatus: i.runtimeStatus ?? 'Running',
          input: { pipeline: i.id.split('-')[0], image: 'img', digest: 'sha256:00' },
          customStatus: i.published === undefined ? null : { status: i.published, stages: [] },
          output: null,
          createdTime: `${new Date(i.createdMs).toISOString().slice(0, 19)}Z`,
          lastUpdatedTime: `${new Date(i.createdMs).toISOString().slice(0, 19)}Z`,
        })),
    );
  }

  windows(): { from?: string; to?: string; runtimeStatus?: string[] }[] {
    return this.asked.map((f) => ({
      ...(f.createdTimeFrom === undefined ? {} : { from: f.createdTimeFrom.toISOString() }),
      ...(f.createdTimeTo === undefined ? {} : { to: f.createdTimeTo.toISOString() }),
      ...(f.runtimeStatus === undefined ? {} : { runtimeStatus: f.runtimeStatus.map(String) }),
    }));
  }
}

interface ListBody {
  releases: { id: string; createdAt: string; status: string }[];
  count: number;
  next?: string;
}

async function list(
  hub: FakeTaskHub,
  url: string,
): Promise<{ status: number | undefined; body: ListBody }> {
  const handler = listReleasesHandler({ retentionMs, now: () => new Date(nowMs) });
  const parsed = new URL(url, 'http://127.0.0.1:7071');
  const request = { url: parsed.href, query: parsed.searchParams } as unknown as HttpRequest;
  const res = await handler(
    request,
    hub as unknown as DurableClient,
    {} as unknown as InvocationContext,
  );
  return { status: res.status, body: (res as HttpResponseInit).jsonBody as ListBody };
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('GET /api/releases scans bounded windows', () => {
  it('reads only the newest day when it holds `top` releases (the console poll)', async () => {
    const hub = new FakeTaskHub([
      { id: 'p1-a', createdMs: nowMs - 2 * 3_600_000 },
      { id: 'p1-b', createdMs: nowMs - 3_600_000 },
      { id: 'p1-old', createdMs: nowMs - 10 * dayMs },
    ]);
    const { status, body } = await list(hub, '/api/releases?top=2');
    assert.equal(status, 200);
    assert.deepEqual(
      body.releases.map((r) => r.id),
      ['p1-b', 'p1-a'],
    );
    assert.deepEqual(hub.windows(), [{ from: iso(nowMs - dayMs) }]);
    assert.ok(body.next !== undefined, 'older releases may follow: a next link');
  });

  it('widens the window step by step down to the retention period and stops there', async () => {
    const hub = new FakeTaskHub([
      { id: 'p1-three-days', createdMs: nowMs - 3 * dayMs },
      { id: 'p1-twenty-days', createdMs: nowMs - 20 * dayMs },
      { id: 'p1-forty-days', createdMs: nowMs - 40 * dayMs },
    ]);
    const { body } = await list(hub, '/api/releases');
    assert.deepEqual(
      body.releases.map((r) => r.id),
      ['p1-three-days', 'p1-twenty-days'],
    );
    assert.equal(body.next, undefined);
    assert.deepEqual(hub.windows(), [
      { from: iso(nowMs - dayMs) },
      { from: iso(nowMs - 5 * dayMs), to: iso(nowMs - dayMs - 1) },
      { from: iso(nowMs - 21 * dayMs), to: iso(nowMs - 5 * dayMs - 1) },
      { from: iso(nowMs - 30 * dayMs), to: iso(nowMs - 21 * dayMs - 1) },
    ]);
  });

  it('honours since (a duration or an ISO time) as the lower bound', async () => {
    const hub = new FakeTaskHub([
      { id: 'p1-new', createdMs: nowMs - 3_600_000 },
      { id: 'p1-three-days', createdMs: nowMs - 3 * dayMs },
    ]);
    const byDuration = await list(hub, '/api/releases?since=2d');
    assert.deepEqual(
      byDuration.body.releases.map((r) => r.id),
      ['p1-new'],
    );
    assert.deepEqual(hub.windows().at(-1), {
      from: iso(nowMs - 2 * dayMs),
      to: iso(nowMs - dayMs - 1),
    });
    const byTime = await list(hub, `/api/releases?since=${iso(nowMs - 4 * dayMs)}`);
    assert.deepEqual(
      byTime.body.releases.map((r) => r.id),
      ['p1-new', 'p1-three-days'],
    );
  });

  it('asks Durable for live instances only when the status filter is a live status', async () => {
    const hub = new FakeTaskHub([
      { id: 'p1-waiting', createdMs: nowMs - 60_000, published: 'WaitingForApproval' },
      { id: 'p1-done', createdMs: nowMs - 120_000, runtimeStatus: 'Completed' },
      { id: 'p1-finishing', createdMs: nowMs - 180_000, published: 'Succeeded' },
    ]);
    const waiting = await list(hub, '/api/releases?status=WaitingForApproval');
    assert.deepEqual(
      waiting.body.releases.map((r) => r.id),
      ['p1-waiting'],
    );
    for (const asked of hub.windows()) {
      assert.deepEqual(asked.runtimeStatus, ['Running', 'Pending', 'Suspended', 'ContinuedAsNew']);
    }
    // A release that published Succeeded is still Running while it reports: no runtime filter.
    hub.asked.length = 0;
    const succeeded = await list(hub, '/api/releases?status=Succeeded');
    assert.deepEqual(
      succeeded.body.releases.map((r) => r.id),
      ['p1-done', 'p1-finishing'],
    );
    assert.ok(hub.windows().every((w) => w.runtimeStatus === undefined));
  });

  it('leaves out instances that are not releases', async () => {
    const hub = new FakeTaskHub([
      { id: 'p1-a', createdMs: nowMs - 60_000 },
      { id: 'p1-a-monitor', name: 'monitorRelease', createdMs: nowMs - 30_000 },
    ]);
    const { body } = await list(hub, '/api/releases');
    assert.deepEqual(
      body.releases.map((r) => r.id),
      ['p1-a'],
    );
  });

  it('pages through every release exactly once, ties in one second included', async () => {
    const instances: Instance[] = [];
    for (let i = 0; i < 7; i += 1) {
      // Pairs share a second (the status API reports seconds), one pair across the day edge.
      const createdMs = nowMs - dayMs + 400 - Math.floor(i / 2) * 5 * dayMs + (i % 2) * 300;
      instances.push({ id: `p1-r${i}`, createdMs });
    }
    instances.push({ id: 'p2-other', createdMs: nowMs - 60_000 });
    const hub = new FakeTaskHub(instances);
    const seen: string[] = [];
    let url: string | undefined = '/api/releases?pipeline=p1&top=3';
    let pages = 0;
    while (url !== undefined) {
      const { status, body } = await list(hub, url);
      assert.equal(status, 200);
      assert.ok(body.count <= 3);
      seen.push(...body.releases.map((r) => r.id));
      url = body.next;
      pages += 1;
      assert.ok(pages < 10, 'the pages end');
    }
    assert.deepEqual(seen, ['p1-r1', 'p1-r0', 'p1-r3', 'p1-r2', 'p1-r5', 'p1-r4', 'p1-r6']);
  });

  it('answers 400 naming since or cursor for bad values', async () => {
    for (const [url, field] of [
      ['/api/releases?since=31d', 'since'],
      [`/api/releases?since=${iso(nowMs - 31 * dayMs)}`, 'since'],
      ['/api/releases?since=yesterday', 'since'],
      ['/api/releases?cursor=not-a-cursor', 'cursor'],
      ['/api/releases?cursor=%7B%7D', 'cursor'],
    ] as const) {
      await assert.rejects(
        list(new FakeTaskHub([]), url),
        (e: unknown) => (e as { field?: string }).field === field,
        url,
      );
    }
  });
});
