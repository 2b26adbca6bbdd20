import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FaultInjector } from '../../../sandbox/faults/FaultInjector.js';
import { faultSchema } from '../../../sandbox/scenario/Scenario.js';

describe('sandbox faults: counted and probabilistic', () => {
  it('reads both spellings into one fault', () => {
    assert.deepEqual(faultSchema.parse({ operation: 'getSlot', status: 429, probability: 0.15 }), {
      op: 'getSlot',
      kind: '429',
      probability: 0.15,
    });
    assert.deepEqual(faultSchema.parse({ operation: 'logsQuery', slow: 800, probability: 0.5 }), {
      op: 'logsQuery',
      kind: 'slow',
      probability: 0.5,
      delayMs: 800,
    });
    assert.deepEqual(faultSchema.parse({ op: 'swap', kind: '503', times: 2 }), {
      op: 'swap',
      kind: '503',
      times: 2,
    });
  });

  it('names the field of a bad fault', () => {
    const issues = (input: unknown): string =>
      faultSchema
        .safeParse(input)
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ') ?? '';
    assert.match(issues({ status: 429 }), /op: expected an operation name/);
    assert.match(issues({ op: 'get', status: 429, kind: '500' }), /kind: expected exactly one/);
    assert.match(issues({ op: 'get', status: 429, probability: 1.5 }), /probability/);
    assert.match(issues({ op: 'get', status: 418 }), /status/);
  });

  it('fires a probabilistic fault on about that share of calls, the same calls for the same seed', () => {
    const draw = (seed: number): boolean[] => {
      const faults = new FaultInjector(seed);
      faults.add(faultSchema.parse({ operation: 'getSlot', status: 503, probability: 0.15 }));
      return Array.from({ length: 2_000 }, () => faults.take('getSlot') !== undefined);
    };
    const first = draw(7);
    const share = first.filter(Boolean).length / first.length;
    assert.ok(share > 0.12 && share < 0.18, `fired on ${share} of calls`);
    assert.deepEqual(draw(7), first);
    assert.notDeepEqual(draw(8), first);
  });

  it('lets the next fault have its turn when a probabilistic one does not fire, and counts what fired', () => {
    const faults = new FaultInjector(1);
    faults.add(faultSchema.parse({ operation: 'swap', status: 429, probability: 0.000_001 }));
    faults.add(faultSchema.parse({ op: 'swap', kind: '500', times: 1 }));
    assert.equal(faults.take('swap')?.kind, '500');
    assert.equal(faults.take('swap'), undefined);
    assert.deepEqual(faults.fired(), [{ op: 'swap', kind: '500', fired: 1 }]);
    assert.deepEqual(
      faults.list().map((f) => [f.op, f.kind, f.left, f.fired]),
      [['swap', '429', null, 0]],
    );
  });

  it('stops a probabilistic fault after its times', () => {
    const faults = new FaultInjector(3);
    faults.add(faultSchema.parse({ operation: '*', status: 429, probability: 1, times: 2 }));
    assert.equal(faults.take('get')?.kind, '429');
    assert.equal(faults.take('logsQuery')?.kind, '429');
    assert.equal(faults.take('get'), undefined);
    assert.deepEqual(faults.list(), []);
  });
});
