import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { And, Given, step, StepFailed, Then, When } from '../../e2e/support/steps.js';

describe('e2e steps: Given/When/Then that name the step that failed', () => {
  it('returns what the body returns, synchronous or not', async () => {
    assert.equal(await Given('a number', () => 41), 41);
    assert.deepEqual(await When('it is looked up', () => Promise.resolve({ found: 42 })), {
      found: 42,
    });
  });

  it("a failing Then's error starts with its title and keeps the assertion as cause", async () => {
    const failed = await Then('the release failed', () => {
      assert.equal('Succeeded', 'Failed');
    }).catch((error: unknown) => error);

    assert.ok(failed instanceof StepFailed, String(failed));
    assert.equal(failed.name, 'StepFailed');
    assert.equal(failed.title, 'Then the release failed');
    assert.match(failed.message, /^Then the release failed: Expected values to be strictly equal/);
    assert.ok(failed.cause instanceof assert.AssertionError);
    assert.equal(failed.cause.actual, 'Succeeded');
    assert.equal(failed.cause.expected, 'Failed');
  });

  it('each kind of step prefixes its own word; a rejected promise fails the same way', async () => {
    const titles = await Promise.all(
      [Given, When, Then, And].map((kind) =>
        kind('x', () => Promise.reject(new Error('boom'))).catch((e: StepFailed) => e.message),
      ),
    );
    assert.deepEqual(titles, ['Given x: boom', 'When x: boom', 'Then x: boom', 'And x: boom']);
  });

  it('a thrown non-Error is named too, and nested steps name the whole path', async () => {
    const thrown = await step('Given a hook', () => {
      throw 'no such hook'; // eslint-disable-line @typescript-eslint/only-throw-error
    }).catch((e: StepFailed) => e);
    assert.equal(thrown.message, 'Given a hook: no such hook');
    assert.equal(thrown.cause, 'no such hook');

    const nested = await Then('the release ended', () =>
      And('production is back', () => assert.fail('still on 2.0.0')),
    ).catch((e: StepFailed) => e.message);
    assert.equal(nested, 'Then the release ended: And production is back: still on 2.0.0');
  });

  it('a step that passes leaves no trace; one that fails stops the steps after it', async () => {
    const ran: string[] = [];
    const story = async () => {
      await Given('one', () => ran.push('one'));
      await When('two', () => {
        ran.push('two');
        throw new Error('broke');
      });
      await Then('three', () => ran.push('three'));
    };
    await assert.rejects(story(), { name: 'StepFailed', message: 'When two: broke' });
    assert.deepEqual(ran, ['one', 'two']);
  });
});
