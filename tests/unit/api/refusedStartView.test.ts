import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { AuditEvent } from '../../../src/azure/ports/index.js';
import { RetryAfterError } from '../../../src/domain/errors.js';
import { decideApproval, decideCancel } from '../../../src/domain/identity/index.js';
import type { ReleaseInput } from '../../../src/domain/release/index.js';
import {
  buildReleaseView,
  parseListQuery,
  recoverOriginalOutcome,
  summarizeRelease,
} from '../../../src/domain/view/index.js';
import { withOriginalOutcome } from '../../../src/functions/releases/getReleaseHandler.js';

const id = 'pwbi-api-abababababababababab';
const digest = `sha256:${'ab'.repeat(32)}`;
const input: ReleaseInput & { seal: string } = {
  releaseId: id,
  pipeline: 'pwbi-api',
  image: `pwbiregistry.azurecr.io/pwbi-api@${digest}`,
  tag: '1.2.0',
  digest,
  requestedBy: 'acr:ci',
  plan: {
    stages: ['dev', 'staging', 'production'].map((name) => ({
      name,
      target: { subscription: 's', resourceGroup: 'rg', site: `pwbi-api-${name}` },
      checks: [],
      hooks: [],
      ...(name === 'dev'
        ? {}
        : { approval: { approvers: ['qa-lead@contoso.com'], timeoutMs: 1, distinctFrom: [] } }),
    })),
  },
  seal: 'S'.repeat(43),
};
const links = { self: 's', approve: 'a', status: 'st' };

/** The instance after a sealed restart its first step refused: Failed, startRefused published. */
const refusedRelease = {
  name: 'releasePipeline',
  instanceId: id,
  runtimeStatus: 'Failed',
  createdTime: '2026-01-05T12:00:00Z',
  lastUpdatedTime: '2026-01-05T12:00:01Z',
  input,
  output: `Orchestrator function 'releasePipeline' failed: releasePipeline: sealed input already ran once: started again outside its API`,
  customStatus: {
    startRefused: {
      orchestrator: 'releasePipeline',
      refusal: 'alreadyRan',
      at: '2026-01-05T12:00:00.000Z',
      firstStartedAt: '2026-01-05T09:00:00.000Z',
    },
  },
};

const event = (key: string, type: string, at: string, actor?: string): AuditEvent => ({
  eventId: `${id}:${key}`,
  releaseId: id,
  pipeline: 'pwbi-api',
  at,
  type,
  ...(actor === undefined ? {} : { actor }),
});

/** What releasePipeline reported for a release canceled while staging waited for approval. */
const canceledTrail = [
  event('started', 'started', '2026-01-05T09:00:00.000Z', 'acr:ci'),
  event('dev:Succeeded', 'deployed', '2026-01-05T09:01:00.000Z'),
  event('staging:waiting', 'waiting for approval', '2026-01-05T09:01:00.000Z'),
  event('staging:Canceled', 'canceled', '2026-01-05T09:30:00.000Z'),
  { ...event('forgedStartRefused:1', 'forgedStartRefused', '2026-01-05T12:00:00.000Z') },
];

describe('the view of a release whose durable record a refused start replaced', () => {
  it('without the audit trail: status Unknown, startRefused says why, no waits', () => {
    const view = buildReleaseView({ release: refusedRelease, links });
    assert.equal(view.status, 'Unknown');
    assert.deepEqual(view.startRefused, {
      refusal: 'alreadyRan',
      reason: 'sealed input already ran once: started again outside its API',
      at: '2026-01-05T12:00:00.000Z',
      firstStartedAt: '2026-01-05T09:00:00.000Z',
      original: 'unknown',
    });
    assert.match(view.step, /start refused/);
    assert.equal(view.waitingFor, undefined);
    assert.equal(view.digest, digest);
  });

  it('is recognised from the failure message too, when the host kept no custom status', () => {
    const { customStatus: _c, ...bare } = refusedRelease;
    const view = buildReleaseView({ release: bare, links });
    assert.equal(view.startRefused?.refusal, 'alreadyRan');
    assert.equal(view.status, 'Unknown');
    const failed = buildReleaseView({
      release: { ...bare, output: 'Orchestrator function failed: boom' },
      links,
    });
    assert.equal(failed.status, 'Failed', 'an ordinary failure is still Failed');
    assert.equal(failed.startRefused, undefined);
  });

  it('with the trail: the original outcome (Canceled at staging), its stages and times', () => {
    const view = recoverOriginalOutcome(
      buildReleaseView({ release: refusedRelease, links }),
      canceledTrail,
    );
    assert.equal(view.status, 'Canceled');
    assert.equal(view.stage, 'staging');
    assert.equal(view.step, 'ended: Canceled');
    assert.equal(view.createdAt, '2026-01-05T09:00:00.000Z');
    assert.equal(view.updatedAt, '2026-01-05T09:30:00.000Z');
    assert.deepEqual(
      view.stages.map((s) => [s.name, s.status, s.finishedAt]),
      [
        ['dev', 'Succeeded', '2026-01-05T09:01:00.000Z'],
        ['staging', 'Canceled', '2026-01-05T09:30:00.000Z'],
        ['production', 'Skipped', undefined],
      ],
    );
    assert.equal(view.startRefused?.original, 'recovered');
    assert.equal(view.startRefused?.refusal, 'alreadyRan');
    // The list shows the same.
    const summary = summarizeRelease(view);
    assert.equal(summary.status, 'Canceled');
    assert.equal(summary.startRefused?.original, 'recovered');
  });

  it('recovers Rejected with its approvals, and Succeeded', () => {
    const base = buildReleaseView({ release: refusedRelease, links });
    const rejected = recoverOriginalOutcome(base, [
      event('started', 'started', '2026-01-05T09:00:00.000Z'),
      event('dev:Succeeded', 'deployed', '2026-01-05T09:01:00.000Z'),
      event('staging:approved', 'approved', '2026-01-05T09:10:00.000Z', 'qa-lead@contoso.com'),
      event('staging:Succeeded', 'deployed', '2026-01-05T09:20:00.000Z'),
      event('production:Rejected', 'rejected', '2026-01-05T09:40:00.000Z'),
    ]);
    assert.equal(rejected.status, 'Rejected');
    assert.deepEqual(rejected.stages[1]?.approval, {
      by: 'qa-lead@contoso.com',
      at: '2026-01-05T09:10:00.000Z',
    });
    assert.equal(rejected.stages[2]?.status, 'Rejected');
    const succeeded = recoverOriginalOutcome(base, [
      event('production:Succeeded', 'deployed', '2026-01-05T10:00:00.000Z'),
      event('Succeeded', 'released', '2026-01-05T10:00:00.000Z'),
    ]);
    assert.equal(succeeded.status, 'Succeeded');
    assert.equal(succeeded.stage, 'production');
    const rolledBackLater = recoverOriginalOutcome(base, [
      event('production:Succeeded', 'deployed', '2026-01-05T10:00:00.000Z'),
      event('Succeeded', 'released', '2026-01-05T10:00:00.000Z'),
      { ...event('rolledBack', 'rolled back', '2026-01-05T12:00:00.000Z'), stage: 'production' },
    ]);
    assert.equal(rolledBackLater.status, 'RolledBack');
    assert.equal(rolledBackLater.stage, 'production');
  });

  it('says plainly when the outcome cannot be recovered, and Failed only when nothing ran before', () => {
    const base = buildReleaseView({ release: refusedRelease, links });
    const ranButUnknown = recoverOriginalOutcome(base, canceledTrail.slice(0, 3));
    assert.equal(ranButUnknown.status, 'Unknown');
    assert.equal(ranButUnknown.startRefused?.original, 'unknown');
    assert.match(ranButUnknown.step, /original outcome unknown/);
    assert.equal(recoverOriginalOutcome(base, []).status, 'Unknown', 'alreadyRan: it ran before');

    const forgedFresh = buildReleaseView({
      release: {
        ...refusedRelease,
        customStatus: {
          startRefused: { orchestrator: 'releasePipeline', refusal: 'notSealed', at: 'x' },
        },
      },
      links,
    });
    const none = recoverOriginalOutcome(forgedFresh, []);
    assert.equal(none.status, 'Failed');
    assert.equal(none.startRefused?.original, 'none');
  });

  it('withOriginalOutcome reads the trail under the release id’s pipeline; an unreadable trail stays Unknown', async () => {
    const asked: string[] = [];
    const audit = {
      events: (releaseId: string, pipeline: string) => {
        asked.push(`${pipeline}/${releaseId}`);
        return Promise.resolve(canceledTrail);
      },
    };
    const misleading = buildReleaseView({
      release: {
        ...refusedRelease,
        input: { ...input, pipeline: 'other' },
        customStatus: {
          startRefused: { orchestrator: 'releasePipeline', refusal: 'notSealed', at: 'x' },
        },
      },
      links,
    });
    assert.equal((await withOriginalOutcome(audit, misleading)).status, 'Canceled');
    // a forged pipeline that prefixes the real one (`pwbi` of `pwbi-api-…`) changes nothing
    const prefix = buildReleaseView({
      release: {
        ...refusedRelease,
        input: { ...input, pipeline: 'pwbi' },
        customStatus: {
          startRefused: { orchestrator: 'releasePipeline', refusal: 'notSealed', at: 'x' },
        },
      },
      links,
    });
    assert.equal((await withOriginalOutcome(audit, prefix)).status, 'Canceled');
    assert.deepEqual(asked, [`pwbi-api/${id}`, `pwbi-api/${id}`]);

    const down = {
      events: () => Promise.reject(new RetryAfterError('audit events: storage unreachable', 1)),
    };
    const view = await withOriginalOutcome(
      down,
      buildReleaseView({ release: refusedRelease, links }),
    );
    assert.equal(view.status, 'Unknown');
    assert.equal(view.startRefused?.original, 'unknown');

    const untouched = buildReleaseView({
      release: { ...refusedRelease, runtimeStatus: 'Running', customStatus: null, output: null },
      links,
    });
    assert.equal(await withOriginalOutcome(down, untouched), untouched);
  });

  it('status=Unknown filters the list; approving or canceling an Unknown release says it ended', () => {
    assert.equal(parseListQuery((n) => (n === 'status' ? 'Unknown' : null)).status, 'Unknown');
    const facts = {
      status: 'Unknown' as const,
      requestedBy: 'acr:ci',
      plan: input.plan,
      stages: [],
    };
    assert.equal(
      decideApproval(facts, { action: 'approve', stage: 'staging', actor: 'qa-lead@contoso.com' })
        .kind,
      'ended',
    );
    assert.equal(decideCancel(facts, 'qa-lead@contoso.com').kind, 'ended');
  });
});
