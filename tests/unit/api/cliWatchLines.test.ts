import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { watchLines } from '../../../cli/watchLines.js';
import type { ReleaseView } from '../../../src/domain/view/index.js';

const base: ReleaseView = {
  id: 'r1',
  pipeline: 'pwbi-api',
  image: 'reg/pwbi-api@sha256:x',
  digest: 'sha256:x',
  status: 'Running',
  stage: 'dev',
  step: 'deploying',
  requestedBy: 'acr:ci',
  createdAt: 't0',
  updatedAt: 't0',
  stages: [
    { name: 'dev', status: 'Running', checks: [] },
    { name: 'staging', status: 'Pending', checks: [] },
  ],
  links: { self: 's', approve: 'a' },
};

describe('watchLines', () => {
  it('prints the current step on the first poll and nothing when nothing changed', () => {
    assert.deepEqual(watchLines(undefined, base), [
      'Running            dev: deploying',
      '  stage dev Running',
    ]);
    assert.deepEqual(watchLines(base, base), []);
  });

  it('prints the steps a release already took when it is first seen late', () => {
    const late: ReleaseView = {
      ...base,
      status: 'WaitingForApproval',
      stage: 'staging',
      step: 'waiting for approval',
      stages: [
        {
          name: 'dev',
          status: 'Succeeded',
          checks: [{ name: 'smoke', status: 'Passed', detail: '200 in 3 ms' }],
        },
        { name: 'staging', status: 'WaitingForApproval', checks: [] },
      ],
    };
    assert.deepEqual(watchLines(undefined, late), [
      'WaitingForApproval staging: waiting for approval',
      '  stage dev Succeeded',
      '  dev smoke Passed: 200 in 3 ms',
      '  stage staging WaitingForApproval',
    ]);
  });

  it('prints step, stage, check and approval changes', () => {
    const after: ReleaseView = {
      ...base,
      status: 'WaitingForApproval',
      stage: 'staging',
      step: 'waiting for approval',
      stages: [
        {
          name: 'dev',
          status: 'Succeeded',
          checks: [{ name: 'smoke', status: 'Passed', detail: '200 in 12 ms' }],
        },
        {
          name: 'staging',
          status: 'WaitingForApproval',
          checks: [],
          approval: { by: 'qa@x.com', at: 't1' },
        },
      ],
    };
    assert.deepEqual(watchLines(base, after), [
      'WaitingForApproval staging: waiting for approval',
      '  stage dev Succeeded',
      '  dev smoke Passed: 200 in 12 ms',
      '  stage staging WaitingForApproval',
      '  stage staging approved by qa@x.com',
    ]);
  });

  it('prints only monitoring samples newer than the last one seen', () => {
    const sample = (at: string) => ({
      at,
      requests: 100,
      errorRate: 0.02,
      p95Ms: 300,
      health: 'pass' as const,
      verdict: 'breach' as const,
    });
    const before = {
      ...base,
      monitor: {
        startedAt: 'a',
        endsAt: 'b',
        samples: [sample('t1')],
        verdict: 'pending' as const,
      },
    };
    const after = {
      ...base,
      monitor: {
        startedAt: 'a',
        endsAt: 'b',
        samples: [sample('t1'), sample('t2')],
        verdict: 'pending' as const,
      },
    };
    assert.deepEqual(watchLines(before, after), [
      '  sample t2 requests 100, errors 2.0%, p95 300 ms, health pass: breach',
    ]);
  });
});
