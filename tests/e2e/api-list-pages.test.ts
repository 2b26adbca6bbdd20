import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseSummary } from '../../src/domain/view/index.js';
import { e2eSigningKey } from './support/appSettings.js';
import { PipelineWorld } from './support/PipelineWorld.js';
import { runSlotpilot } from './support/runSlotpilot.js';
import { virtualStartMs } from './support/virtualStart.js';

const dayMs = 86_400_000;

interface ListBody {
  releases: ReleaseSummary[];
  count: number;
  next?: string;
}

describe('api: the release list is bounded by created time and pages through every release once', () => {
  let world: PipelineWorld;
  let old: string;
  const recent: string[] = [];

  const list = async (route: string): Promise<ListBody> => {
    const answer = await world.api.call('GET', route);
    assert.equal(answer.status, 200, answer.text);
    return answer.body as ListBody;
  };

  before(async () => {
    // Given a release created two and a half days ago (virtual time, the app reads the wall
    // clock) and five created just now, in the same second
    world = await PipelineWorld.start({ clockStartMs: virtualStartMs() - 2 * dayMs });
    old = (await world.push('7.0.0')).releaseId;
    await world.host.advance(2 * dayMs);
    for (const tag of ['7.1.0', '7.1.1', '7.1.2', '7.1.3', '7.1.4']) {
      recent.push((await world.push(tag)).releaseId);
    }
  });
  after(async () => {
    await world?.stop();
  });

  it('lists them all by default (within the retention period), newest first', async () => {
    const all = await list('/api/releases?pipeline=pwbi-api');
    assert.equal(all.next, undefined);
    assert.deepEqual(new Set(all.releases.map((r) => r.id)), new Set([...recent, old]));
    assert.equal(all.releases.at(-1)?.id, old);
  });

  it('leaves out releases older than `since` unless asked', async () => {
    const lastDay = await list('/api/releases?pipeline=pwbi-api&since=1d');
    assert.deepEqual(new Set(lastDay.releases.map((r) => r.id)), new Set(recent));
    const threeDays = await list('/api/releases?pipeline=pwbi-api&since=3d');
    assert.ok(threeDays.releases.some((r) => r.id === old));
  });

  it('pages with next links: every release exactly once, in the order of the full list', async () => {
    const full = (await list('/api/releases?pipeline=pwbi-api')).releases.map((r) => r.id);
    const seen: string[] = [];
    let route: string | undefined = '/api/releases?pipeline=pwbi-api&top=2';
    for (let pages = 0; route !== undefined; pages += 1) {
      assert.ok(pages < 6, 'the pages end');
      const page = await list(route);
      assert.ok(page.count <= 2);
      seen.push(...page.releases.map((r) => r.id));
      route =
        page.next === undefined
          ? undefined
          : new URL(page.next).pathname + new URL(page.next).search;
    }
    assert.deepEqual(seen, full);
    assert.equal(seen.length, 6);
  });

  it('the CLI list pages with --cursor and bounds with --since', async () => {
    const env = {
      SLOTPILOT_URL: world.host.url,
      SLOTPILOT_FUNCTION_KEY: world.host.functionKey,
      SLOTPILOT_SIGNING_KEY: e2eSigningKey,
    };
    const first = await runSlotpilot(['list', '--pipeline', 'pwbi-api', '--top', '4'], env);
    assert.equal(first.code, 0, first.stderr);
    const more = /^more: add --cursor (\S+)$/m.exec(first.stdout);
    assert.ok(more?.[1] !== undefined, first.stdout);
    const rest = await runSlotpilot(
      ['list', '--pipeline', 'pwbi-api', '--top', '4', '--cursor', more[1], '--json'],
      env,
    );
    assert.equal(rest.code, 0, rest.stderr);
    const listed = [
      ...recent.concat(old).filter((id) => first.stdout.includes(id)),
      ...(JSON.parse(rest.stdout) as ReleaseSummary[]).map((r) => r.id),
    ];
    assert.deepEqual(new Set(listed), new Set([...recent, old]));
    assert.equal(listed.length, 6);
    const lastDay = await runSlotpilot(['list', '--since', '1d', '--json'], env);
    assert.equal(lastDay.code, 0, lastDay.stderr);
    assert.deepEqual(
      new Set((JSON.parse(lastDay.stdout) as ReleaseSummary[]).map((r) => r.id)),
      new Set(recent),
    );
  });

  it('answers 400 problem+json naming since or cursor', async () => {
    for (const [route, field] of [
      ['/api/releases?since=31d', 'since'],
      ['/api/releases?since=last-week', 'since'],
      ['/api/releases?cursor=abc', 'cursor'],
    ] as const) {
      const answer = await world.api.call('GET', route);
      assert.equal(answer.status, 400, route);
      assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(answer.text, new RegExp(`"field":"${field}"`), route);
    }
  });
});
