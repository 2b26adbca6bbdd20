import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { boundCustomStatus, customStatusBudgetChars } from '../../../src/domain/release/index.js';

/** Durable's limit: 16 KB of UTF-16 JSON, i.e. 8 192 JSON characters. */
const durableLimitChars = 8192;
const size = (v: unknown) => JSON.stringify(v).length;

describe('boundCustomStatus', () => {
  it('returns a status that fits as it is', () => {
    const status = { step: 'watching', samples: [{ at: 'a' }] };
    assert.equal(boundCustomStatus(status), status);
  });

  it('drops the oldest samples first, keeping the newest', () => {
    const samples = Array.from({ length: 20 }, (_, i) => ({ at: `t${i}`, note: 'x'.repeat(500) }));
    const bounded = boundCustomStatus({ step: 's', monitor: { samples } });
    assert.ok(size(bounded) <= customStatusBudgetChars);
    assert.equal(bounded.monitor.samples.at(-1)?.at, 't19');
    assert.ok(bounded.monitor.samples.length < 20);
    assert.equal(bounded.step, 's');
  });

  it('stays under the limit whatever the text, evidence and list sizes', () => {
    const control = '\u0001'.repeat(2000); // 12 000 JSON characters
    const worst = {
      step: control,
      rollback: {
        reason: control,
        evidence: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, control])),
      },
      monitor: { samples: Array.from({ length: 20 }, () => ({ reason: control })) },
      stages: Array.from({ length: 30 }, (_, i) => ({ name: `s${i}`, detail: control })),
    };
    const bounded = boundCustomStatus(worst);
    assert.ok(size(bounded) <= customStatusBudgetChars, `${size(bounded)}`);
    assert.ok(customStatusBudgetChars < durableLimitChars);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(bounded)));
  });
});
