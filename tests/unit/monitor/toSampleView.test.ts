import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assessSample } from '../../../src/domain/monitor/assessSample.js';
import { toSampleView } from '../../../src/domain/monitor/toSampleView.js';

describe('toSampleView', () => {
  it('keeps the figures, the verdict and the deciding rule, compactly', () => {
    const v = assessSample(
      {
        at: '2026-01-01T10:07:00.000Z',
        window: { fromIso: '2026-01-01T10:00:00.000Z', toIso: '2026-01-01T10:05:00.000Z' },
        stats: { requests: 300, failed: 40, serverErrors: 37, p95Ms: 812.77 },
        health: { ok: true, status: 200, latencyMs: 3, detail: 'ok' },
      },
      { errorRate: 0.01, p95Ms: 2000, minRequests: 50 },
    );
    const view = toSampleView(v);
    assert.deepEqual(view, {
      at: '2026-01-01T10:07:00.000Z',
      requests: 300,
      errorRate: 0.1233,
      p95Ms: 813,
      health: 'pass',
      verdict: 'breach',
      reason: 'errorRate 0.1233 > 0.01',
    });
    assert.ok(JSON.stringify(view).length < 300);
  });
});
