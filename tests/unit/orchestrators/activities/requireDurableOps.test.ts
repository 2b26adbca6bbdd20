import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { InvocationContext } from '@azure/functions';

import { requireDurableOps } from '../../../../src/activities/requireDurableOps.js';
import { NonRetryableError } from '../../../../src/domain/errors.js';
import {
  decodeActivityFailure,
  encodeActivityFailure,
} from '../../../../src/domain/release/index.js';

describe('requireDurableOps', () => {
  it('refuses, for good, an activity invocation without a durable client input', () => {
    // An activity invocation as a host that passes no durable client input would make it.
    const context = {
      functionName: 'flushEvent',
      options: { extraInputs: [] },
      extraInputs: { get: () => undefined },
    } as unknown as InvocationContext;
    let thrown: unknown;
    try {
      requireDurableOps(context, 'flushEvent');
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof NonRetryableError);
    assert.match(thrown.message, /^flushEvent: expected a durable client input/);
    assert.equal(
      decodeActivityFailure(new Error(encodeActivityFailure(thrown))).kind,
      'nonRetryable',
    );
  });
});
