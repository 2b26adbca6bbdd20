import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideTick } from '../../../src/domain/monitor/decideTick.js';
import type {
  InconclusiveCause,
  SampleEvidence,
  Verdict,
} from '../../../src/domain/monitor/Verdict.js';

const evidence = (at: string): SampleEvidence => ({
  at,
  errorRate: 0.05,
  p95Ms: 100,
  health: { ok: true, status: 200, detail: 'ok' },
  thresholds: { errorRate: 0.01, p95Ms: 2000, minRequests: 50 },
});
const breach = (
  at: string,
  rules: ('health' | 'errorRate' | 'p95')[] = ['errorRate'],
): Verdict => ({
  verdict: 'breach',
  rules,
  reason: 'errorRate 0.05 > 0.01',
  evidence: evidence(at),
});
const pass = (at: string): Verdict => ({ verdict: 'pass', reason: 'fine', evidence: evidence(at) });
const inconclusive = (at: string, cause: InconclusiveCause = 'lowTraffic'): Verdict => ({
  verdict: 'inconclusive',
  cause,
  reason: '3 requests < minRequests 50',
  evidence: evidence(at),
});
const policy = { failureLimit: 1, inconclusive: 'continue' as const };

describe('decideTick', () => {
  it('rolls back on the first breach with failureLimit 1', () => {
    const d = decideTick({ consecutiveBreaches: 0 }, breach('t1'), policy);
    assert.equal(d.action, 'rollback');
    assert.ok(d.action === 'rollback' && d.trigger === 'breach' && d.detectedAt === 't1');
    assert.equal(d.reason, 'errorRate 0.05 > 0.01');
  });

  it('needs failureLimit consecutive breaches and reports the first as detection', () => {
    const p = { ...policy, failureLimit: 3 };
    const d1 = decideTick({ consecutiveBreaches: 0 }, breach('t1'), p);
    assert.equal(d1.action, 'continue');
    const d2 = decideTick(d1.run, breach('t2'), p);
    assert.equal(d2.action, 'continue');
    const d3 = decideTick(d2.run, breach('t3'), p);
    assert.ok(d3.action === 'rollback');
    assert.equal(d3.detectedAt, 't1');
    assert.match(d3.reason, /\(3 consecutive breaches\)$/);
  });

  it('resets the run on a pass', () => {
    const p = { ...policy, failureLimit: 2 };
    const d1 = decideTick({ consecutiveBreaches: 0 }, breach('t1'), p);
    const d2 = decideTick(d1.run, pass('t2'), p);
    assert.deepEqual(d2, { action: 'continue', run: { consecutiveBreaches: 0 } });
    const d3 = decideTick(d2.run, breach('t3'), p);
    assert.equal(d3.action, 'continue');
  });

  it('keeps the run through an inconclusive sample (neither reset nor grown)', () => {
    const p = { ...policy, failureLimit: 2 };
    const d1 = decideTick({ consecutiveBreaches: 0 }, breach('t1'), p);
    const d2 = decideTick(d1.run, inconclusive('t2'), p);
    assert.deepEqual(d2.run, { consecutiveBreaches: 1, firstBreachAt: 't1' });
    const d3 = decideTick(d2.run, breach('t3'), p);
    assert.ok(d3.action === 'rollback' && d3.detectedAt === 't1');
  });

  it('names a failed health probe as the trigger', () => {
    const d = decideTick({ consecutiveBreaches: 0 }, breach('t1', ['health']), policy);
    assert.ok(d.action === 'rollback' && d.trigger === 'health');
  });

  it('applies the inconclusive policy: continue, pause, rollback', () => {
    assert.equal(
      decideTick({ consecutiveBreaches: 0 }, inconclusive('t1'), policy).action,
      'continue',
    );
    const paused = decideTick({ consecutiveBreaches: 0 }, inconclusive('t1'), {
      ...policy,
      inconclusive: 'pause',
    });
    assert.ok(paused.action === 'pause' && /inconclusive: 3 requests/.test(paused.reason));
    const rolled = decideTick({ consecutiveBreaches: 0 }, inconclusive('t1', 'queryFailed'), {
      ...policy,
      inconclusive: 'rollback',
    });
    assert.ok(
      rolled.action === 'rollback' &&
        rolled.trigger === 'inconclusive' &&
        rolled.detectedAt === 't1',
    );
  });

  it('ignores the policy while data is still awaited after the swap', () => {
    for (const inc of ['pause', 'rollback'] as const) {
      const d = decideTick({ consecutiveBreaches: 0 }, inconclusive('t1', 'awaitingData'), {
        ...policy,
        inconclusive: inc,
      });
      assert.equal(d.action, 'continue');
    }
  });
});
