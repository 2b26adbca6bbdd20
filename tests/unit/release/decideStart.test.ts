import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideStart, releaseIdFor } from '../../../src/domain/release/index.js';
import { devOnlyPipeline } from '../support/devOnlyPipeline.js';

const pipeline = devOnlyPipeline();
const digest = `sha256:${'cd'.repeat(32)}`;
const now = new Date('2026-03-01T10:00:00.000Z');

describe('decideStart', () => {
  it('starts a new release pinned by digest, with its plan, requester and times', () => {
    const pushedAt = '2026-03-01T09:59:58.000Z';
    const decision = decideStart(
      {
        pipeline,
        image: { registry: 'reg.azurecr.io', repository: 'api', tag: '1.0.0', digest, pushedAt },
        requestedBy: 'ci@contoso.com',
        now,
      },
      undefined,
    );
    assert.equal(decision.kind, 'start');
    if (decision.kind !== 'start') return;
    assert.equal(decision.releaseId, releaseIdFor('api', digest));
    assert.deepEqual(
      { ...decision.input, plan: decision.input.plan.stages.map((s) => s.name) },
      {
        releaseId: releaseIdFor('api', digest),
        pipeline: 'api',
        image: `reg.azurecr.io/api@${digest}`,
        tag: '1.0.0',
        digest,
        requestedBy: 'ci@contoso.com',
        requestedAt: now.toISOString(),
        pushedAt,
        plan: ['dev'],
      },
    );
  });

  it('a start by hand carries no push time: it is ordered by its orchestration’s creation', () => {
    const decision = decideStart(
      {
        pipeline,
        image: { registry: 'reg.azurecr.io', repository: 'api', digest },
        requestedBy: 'qa@contoso.com',
        now,
      },
      undefined,
    );
    assert.equal(decision.kind === 'start' && 'pushedAt' in decision.input, false);
    assert.equal(decision.kind === 'start' && 'tag' in decision.input, false);
  });

  it('finds an existing release of the digest and starts nothing, whatever its status', () => {
    for (const runtimeStatus of ['Running', 'Completed', 'Failed']) {
      assert.deepEqual(
        decideStart(
          {
            pipeline,
            image: { registry: 'reg.azurecr.io', repository: 'api', digest },
            requestedBy: 'x',
            now,
          },
          { runtimeStatus },
        ),
        { kind: 'exists', releaseId: releaseIdFor('api', digest), runtimeStatus },
      );
    }
  });
});
