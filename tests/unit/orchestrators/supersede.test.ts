import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SupersedeOlderInput } from '../../../src/activities/contracts.js';
import { createActivities } from '../../../src/activities/createActivities.js';
import {
  decideSupersede,
  type ReleaseCustomStatus,
  type ReleaseInput,
  type ReleaseOutcome,
  type SupersedePeer,
} from '../../../src/domain/release/index.js';
import { releasePipeline } from '../../../src/orchestrators/release/releasePipeline.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';
import { fakeDeps, fakeDurable } from './activities/fakePorts.js';
import { releaseInput } from './support/fixtures.js';
import { releaseWorld } from './support/releaseWorld.js';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

/** A release of pwbi-api pushed at minute `pushed`, its stages at the given statuses. */
function peer(
  id: string,
  pushed: number,
  stages: Record<string, string> = {},
  created = pushed,
): SupersedePeer {
  const input: ReleaseInput = { ...releaseInput(), releaseId: id, pushedAt: at(pushed) };
  const customStatus = {
    stages: input.plan.stages.map((s) => ({ name: s.name, status: stages[s.name] ?? 'Pending' })),
  } as Partial<ReleaseCustomStatus>;
  return { releaseId: id, input, customStatus, createdAt: at(created) };
}

describe('decideSupersede (a release’s first step)', () => {
  const self = { releaseId: 'new', pipeline: 'pwbi-api', order: at(10), createdAt: at(10) };

  it('supersedes older releases that wait for, or still have, an approval ahead', () => {
    const waiting = peer('waiting', 1, { dev: 'Succeeded', staging: 'WaitingForApproval' });
    const deploying = peer('deploying', 2, { dev: 'Running' });
    const inProduction = peer('prod', 3, {
      dev: 'Succeeded',
      staging: 'Succeeded',
      production: 'Running',
    });
    const approvedStaging = peer('staging-run', 4, {
      dev: 'Succeeded',
      staging: 'Running',
    });
    const other = { ...peer('other', 1), input: { ...peer('other', 1).input, pipeline: 'other' } };
    assert.deepEqual(
      decideSupersede(self, [
        waiting,
        deploying,
        inProduction,
        approvedStaging,
        other,
        peer('new', 10),
      ]),
      { supersede: ['waiting', 'deploying', 'staging-run'] },
      'a release swapping or monitoring in production is never interrupted',
    );
  });

  it('orders by push time, not creation: a late delivery of an older push yields to the newer release', () => {
    // the newer push (minute 5) was started first; the older push (minute 2) arrives late
    const late = { releaseId: 'late', pipeline: 'pwbi-api', order: at(2), createdAt: at(30) };
    const newer = peer('newer', 5, { dev: 'Succeeded', staging: 'WaitingForApproval' }, 6);
    assert.deepEqual(decideSupersede(late, [newer]), { supersede: [], supersededBy: 'newer' });
    // and the newer one, looking again (a replayed step), still supersedes nothing newer
    const lateAsPeer = peer('late', 2, {}, 30);
    assert.deepEqual(
      decideSupersede(
        { releaseId: 'newer', pipeline: 'pwbi-api', order: at(5), createdAt: at(6) },
        [lateAsPeer],
      ),
      { supersede: ['late'] },
    );
  });

  it('yields to the newest of several newer releases and breaks push-time ties by creation', () => {
    const a = peer('a', 20);
    const b = peer('b', 30);
    assert.equal(decideSupersede(self, [a, b]).supersededBy, 'b');
    const twin = peer('twin', 10, {}, 9);
    assert.deepEqual(decideSupersede(self, [twin]), { supersede: ['twin'] });
  });
});

describe('supersedeOlderReleases (activity)', () => {
  it('sends supersede to the older releases waiting for an approval', async () => {
    const durable = fakeDurable();
    const activities = createActivities(fakeDeps().deps);
    const older = peer('older', 1, { dev: 'Succeeded', staging: 'WaitingForApproval' });
    durable.instances.set('older', {
      runtimeStatus: 'Running',
      input: older.input,
      customStatus: older.customStatus,
    });
    durable.meta.set('older', { name: 'releasePipeline', createdAt: at(1) });
    durable.instances.set('me', {
      runtimeStatus: 'Running',
      input: { ...releaseInput(), releaseId: 'me', pushedAt: at(10) },
      customStatus: null,
    });
    durable.meta.set('me', { name: 'releasePipeline', createdAt: at(10) });
    const input: SupersedeOlderInput = {
      releaseId: 'me',
      pipeline: 'pwbi-api',
      order: at(10),
      at: at(11),
    };
    const out = await activities.supersedeOlderReleases(input, () => durable.ops);
    assert.deepEqual(out, { superseded: ['older'] });
    assert.deepEqual(durable.raised, [
      { instanceId: 'older', name: 'supersede', data: { byReleaseId: 'me', at: at(11) } },
    ]);
  });
});

describe('releasePipeline supersedes as its first step', () => {
  it('runs the step before anything else, with its push time as its order', async () => {
    const world = releaseWorld([]);
    const inputs: SupersedeOlderInput[] = [];
    world.activities = {
      ...world.activities,
      supersedeOlderReleases: (input: SupersedeOlderInput) => {
        inputs.push(input);
        return { superseded: ['pwbi-api-older'] };
      },
    };
    const input = { ...releaseInput(), pushedAt: at(3), requestedAt: at(4) };
    const r = await runOrchestration<ReleaseOutcome>(releasePipeline, input, world);
    assert.equal(r.calls[0]?.name, 'supersedeOlderReleases');
    assert.equal(inputs[0]?.order, at(3));
    const started = world.audits.find((a) => a.type === 'started');
    assert.equal(started?.detail?.['superseded'], 'pwbi-api-older');
  });

  it('ends Superseded before deploying anything when a newer release already runs', async () => {
    const world = releaseWorld([]);
    world.activities = {
      ...world.activities,
      supersedeOlderReleases: () => ({ superseded: [], supersededBy: 'pwbi-api-newer' }),
    };
    const r = await runOrchestration<ReleaseOutcome>(releasePipeline, releaseInput(), world);
    assert.equal(r.output?.status, 'Superseded');
    assert.match(r.output?.reason ?? '', /superseded by pwbi-api-newer/);
    assert.equal(r.calls.filter((c) => c.kind === 'sub').length, 0);
    assert.equal(r.lastStatus<ReleaseCustomStatus>().status, 'Superseded');
  });

  it('goes on when the durable store stays unreadable, reporting why nothing was superseded', async () => {
    const world = releaseWorld([]);
    world.activities = {
      ...world.activities,
      supersedeOlderReleases: () => {
        throw new Error('durable store unreachable');
      },
    };
    const r = await runOrchestration<ReleaseOutcome>(releasePipeline, releaseInput(), world);
    const tries = r.activity('supersedeOlderReleases');
    assert.ok(tries.length > 5 && (tries.at(-1)?.atMs ?? 0) <= 10 * 60_000);
    const started = world.audits.find((a) => a.type === 'started');
    assert.match(String(started?.detail?.['supersedeError']), /durable store unreachable/);
    assert.equal(r.calls.filter((c) => c.kind === 'sub')[0]?.name, 'deployStage');
  });
});
