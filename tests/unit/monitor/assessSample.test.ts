import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assessSample } from '../../../src/domain/monitor/assessSample.js';
import type { ProductionSample } from '../../../src/domain/monitor/ProductionSample.js';

const thresholds = { errorRate: 0.01, p95Ms: 2000, minRequests: 50 };
const window = { fromIso: '2026-01-01T10:00:00.000Z', toIso: '2026-01-01T10:05:00.000Z' };
const healthy = { ok: true, status: 200, latencyMs: 12, detail: '200 OK' };

function sample(over: Partial<ProductionSample> = {}): ProductionSample {
  return {
    at: '2026-01-01T10:07:00.000Z',
    window,
    stats: { requests: 1000, failed: 3, serverErrors: 2, p95Ms: 300 },
    health: healthy,
    ...over,
  };
}

describe('assessSample', () => {
  it('passes under both thresholds, with the numbers in the evidence', () => {
    const v = assessSample(sample(), thresholds);
    assert.equal(v.verdict, 'pass');
    assert.equal(v.evidence.errorRate, 0.002);
    assert.equal(v.evidence.p95Ms, 300);
    assert.equal(v.evidence.requests, 1000);
    assert.deepEqual(v.evidence.thresholds, thresholds);
    assert.deepEqual(v.evidence.window, window);
  });

  it('breaches on error rate above the threshold (5xx over requests)', () => {
    const v = assessSample(
      sample({ stats: { requests: 1000, failed: 40, serverErrors: 34, p95Ms: 300 } }),
      thresholds,
    );
    assert.equal(v.verdict, 'breach');
    assert.ok(v.verdict === 'breach' && v.rules.length === 1 && v.rules[0] === 'errorRate');
    assert.equal(v.reason, 'errorRate 0.034 > 0.01');
  });

  it('treats a rate equal to the threshold as a pass', () => {
    const v = assessSample(
      sample({ stats: { requests: 1000, failed: 10, serverErrors: 10, p95Ms: 2000 } }),
      thresholds,
    );
    assert.equal(v.verdict, 'pass');
  });

  it('counts 4xx failures as evidence but not as the error rate', () => {
    const v = assessSample(
      sample({ stats: { requests: 100, failed: 60, serverErrors: 0, p95Ms: 10 } }),
      thresholds,
    );
    assert.equal(v.verdict, 'pass');
    assert.equal(v.evidence.failed, 60);
  });

  it('breaches on p95 above the threshold', () => {
    const v = assessSample(
      sample({ stats: { requests: 500, failed: 0, serverErrors: 0, p95Ms: 2600.4 } }),
      thresholds,
    );
    assert.ok(v.verdict === 'breach');
    assert.deepEqual(v.rules, ['p95']);
    assert.equal(v.reason, 'p95 2600ms > 2000ms');
  });

  it('lists every rule that fired', () => {
    const v = assessSample(
      sample({ stats: { requests: 500, failed: 50, serverErrors: 50, p95Ms: 5000 } }),
      thresholds,
    );
    assert.ok(v.verdict === 'breach');
    assert.deepEqual(v.rules, ['errorRate', 'p95']);
    assert.match(v.reason, /errorRate 0\.1 > 0\.01; p95 5000ms > 2000ms/);
  });

  it('is a health breach when the probe fails, even without traffic or data', () => {
    const down = { ok: false, status: 503, latencyMs: 5, detail: '503 Service Unavailable' };
    for (const s of [
      sample({ health: down }),
      sample({ health: down, window: undefined, stats: undefined }),
    ]) {
      const v = assessSample(s, thresholds);
      assert.ok(v.verdict === 'breach');
      assert.deepEqual(v.rules, ['health']);
      assert.match(v.reason, /health probe failed: 503/);
    }
  });

  it('is inconclusive (low traffic) below minRequests, even when every request failed', () => {
    const v = assessSample(
      sample({ stats: { requests: 49, failed: 49, serverErrors: 49, p95Ms: 9000 } }),
      thresholds,
    );
    assert.ok(v.verdict === 'inconclusive');
    assert.equal(v.cause, 'lowTraffic');
    assert.equal(v.reason, '49 requests < minRequests 50');
  });

  it('is inconclusive with zero requests even when minRequests is 0', () => {
    const v = assessSample(sample({ stats: { requests: 0, failed: 0, serverErrors: 0 } }), {
      ...thresholds,
      minRequests: 0,
    });
    assert.ok(v.verdict === 'inconclusive' && v.cause === 'lowTraffic');
    assert.equal(v.evidence.errorRate, null);
    assert.equal(v.evidence.p95Ms, null);
  });

  it('is inconclusive, never a pass, when the query failed', () => {
    const v = assessSample(
      sample({ stats: undefined, queryError: '429 Too Many Requests' }),
      thresholds,
    );
    assert.ok(v.verdict === 'inconclusive' && v.cause === 'queryFailed');
    assert.match(v.reason, /429/);
    assert.equal(v.evidence.queryError, '429 Too Many Requests');
  });

  it('is inconclusive awaitingData before any post-swap window exists', () => {
    const v = assessSample(sample({ window: undefined, stats: undefined }), thresholds);
    assert.ok(v.verdict === 'inconclusive' && v.cause === 'awaitingData');
  });
});

describe('assessSample with a probe that could not run', () => {
  it('is inconclusive (probeFailed), neither a health breach nor a pass', () => {
    const unknown = { ok: false, status: 0, latencyMs: 0, detail: 'ARM 503', unknown: true };
    const v = assessSample(sample({ health: unknown }), thresholds);
    assert.ok(v.verdict === 'inconclusive' && v.cause === 'probeFailed');
    assert.match(v.reason, /ARM 503/);
  });

  it('still breaches on the metrics', () => {
    const unknown = { ok: false, status: 0, latencyMs: 0, detail: 'ARM 503', unknown: true };
    const v = assessSample(
      sample({
        health: unknown,
        stats: { requests: 1000, failed: 90, serverErrors: 90, p95Ms: 1 },
      }),
      thresholds,
    );
    assert.ok(v.verdict === 'breach');
    assert.deepEqual(v.rules, ['errorRate']);
  });
});
