import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { OrchestrationContext, Task, TimerTask } from 'durable-functions';

import { EventWaits } from '../../../src/orchestrators/calls/EventWaits.js';
import type { ActivityHandler } from '../support/durable/DurableScript.js';
import { runOrchestration } from '../support/durable/runOrchestration.js';

const minuteMs = 60_000;

/** A timer `minutes` after the orchestration's now. */
function after(context: OrchestrationContext, minutes: number): TimerTask {
  const now = context.df.currentUtcDateTime.getTime();
  return context.df.createTimer(new Date(now + minutes * minuteMs));
}

/** An activity that raises `events` of `name` on the instance, in order. */
function raising(name: string, ...events: string[]): ActivityHandler {
  return (_input, _call, raise) => {
    for (const event of events) raise(name, event);
    return null;
  };
}

const flushEvent: ActivityHandler = (input: { eventName: string }, _call, raise) => {
  raise(input.eventName, { flush: true });
  return null;
};

describe('EventWaits: one way to wait for events across races', () => {
  it('wait/take: events that reach a wait after it lost its race are found, in arrival order', async () => {
    const run = await runOrchestration(
      function* (context: OrchestrationContext) {
        const events = new EventWaits(context);
        const first = after(context, 10);
        assert.equal(yield context.df.Task.any([events.wait('poke'), first]), first);
        yield context.df.callActivity('work'); // raises B then C while no race is open
        const seen: unknown[] = [...events.take('poke')];
        while (seen.length < 2) {
          const timer = after(context, 10);
          const winner: unknown = yield context.df.Task.any([events.wait('poke'), timer]);
          if (winner !== timer) timer.cancel();
          seen.push(...events.take('poke'));
        }
        return seen;
      },
      null,
      { activities: { work: raising('poke', 'B', 'C') } },
    );
    assert.deepEqual(run.output, ['B', 'C']);
    assert.equal(run.activity('flushEvent').length, 0);
  });

  it('open/settle: a stale wait is flushed before its name is waited on again', async () => {
    const run = await runOrchestration(
      function* (context: OrchestrationContext) {
        const events = new EventWaits(context);
        const first = yield* events.open(['cancel']);
        assert.equal(first.kind, 'waits');
        if (first.kind !== 'waits') return undefined;
        const timer = after(context, 10);
        const lost: unknown = yield context.df.Task.any([...first.waits.values(), timer]);
        events.settle(first.waits, lost);
        assert.equal(lost, timer);
        const second = yield* events.open(['cancel']);
        if (second.kind !== 'waits') return second;
        const long = after(context, 600);
        const won: unknown = yield context.df.Task.any([...second.waits.values(), long]);
        events.settle(second.waits, won);
        if (won !== long) long.cancel();
        return (won as Task).result;
      },
      null,
      { activities: { flushEvent }, events: [{ name: 'cancel', data: 'X', atMs: 30 * minuteMs }] },
    );
    assert.equal(run.output, 'X');
    assert.deepEqual(
      run.activity('flushEvent').map((c) => c.input),
      [{ instanceId: 'release-1', eventName: 'cancel' }],
    );
    assert.equal(run.elapsedMs, 30 * minuteMs);
  });

  it('open: an event a stale wait already holds comes back as early, with no flush', async () => {
    const run = await runOrchestration(
      function* (context: OrchestrationContext) {
        const events = new EventWaits(context);
        const first = yield* events.open(['cancel', 'supersede']);
        if (first.kind !== 'waits') return first;
        const timer = after(context, 10);
        const lost: unknown = yield context.df.Task.any([...first.waits.values(), timer]);
        events.settle(first.waits, lost);
        yield after(context, 20); // a cancel reaches the stale wait meanwhile
        return yield* events.open(['cancel', 'supersede']);
      },
      null,
      { activities: { flushEvent }, events: [{ name: 'cancel', data: 'Y', atMs: 15 * minuteMs }] },
    );
    assert.deepEqual(run.output, { kind: 'early', name: 'cancel', payload: 'Y' });
    assert.equal(run.activity('flushEvent').length, 0);
  });
});
