import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { EventType, type HistoryEvent, makeEvent } from '../../../devhost/engine/history.js';
import { ActionType, type OrchestratorAction } from '../../../devhost/engine/OrchestratorAction.js';
import { replayActions } from '../../../devhost/engine/replayActions.js';

const t0 = Date.UTC(2026, 0, 1);
const minute = 60_000;
const os = (at: number): HistoryEvent => makeEvent(EventType.OrchestratorStarted, t0 + at);
const es = makeEvent(EventType.ExecutionStarted, t0, { Name: 'O', Input: null });
const activity = (name: string): OrchestratorAction => ({
  actionType: ActionType.CallActivity,
  functionName: name,
  input: null,
});
const timer = (atMin: number, isCanceled = false): OrchestratorAction => ({
  actionType: ActionType.CreateTimer,
  fireAt: new Date(t0 + atMin * minute).toISOString(),
  isCanceled,
});
const wait = (name: string): OrchestratorAction => ({
  actionType: ActionType.WaitForExternalEvent,
  externalEventName: name,
});
const summary = (events: HistoryEvent[]): string[] =>
  events.map(
    (e) => `${e.EventType}#${e.EventId}${typeof e['Name'] === 'string' ? ` ${e['Name']}` : ''}`,
  );

describe('replayActions (the episode interpreter)', () => {
  it('schedules the first action of a new execution with id 0', () => {
    const r = replayActions([os(0), es], [activity('A')], 'e1');
    assert.deepEqual(summary(r.decisions), [`${EventType.TaskScheduled}#0 A`]);
    assert.equal(r.shimDone, false);
    assert.equal(r.openTasks, 1);
  });

  it('awaits top-level actions one after another, so later ones take ids as earlier ones complete', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.TaskScheduled, t0, { Name: 'A' }, 0),
      os(1),
      makeEvent(EventType.TaskCompleted, t0, { TaskScheduledId: 0, Result: 'null' }),
    ];
    const r = replayActions(history, [activity('A'), activity('B')], 'e1');
    assert.deepEqual(summary(r.decisions), [`${EventType.TaskScheduled}#1 B`]);
  });

  it('completes WhenAny on a cancelled timer at once and keeps it out of the open tasks', () => {
    const r = replayActions(
      [os(0), es],
      [
        { actionType: ActionType.WhenAny, compoundActions: [wait('E'), timer(30, true)] },
        activity('Next'),
      ],
      'e1',
    );
    assert.deepEqual(summary(r.decisions), [
      `${EventType.TimerCreated}#0`,
      `${EventType.TaskScheduled}#1 Next`,
    ]);
    assert.equal(r.openTasks, 1);
  });

  it('matches external events case-insensitively on the host side and buffers early ones', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.EventRaised, t0, { Name: 'APPROVAL', Input: '{}' }),
    ];
    const r = replayActions(history, [wait('approval'), activity('After')], 'e1');
    assert.deepEqual(summary(r.decisions), [`${EventType.TaskScheduled}#0 After`]);
  });

  it('keeps WhenAll waiting after a child fails while a sibling is pending', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.TaskScheduled, t0, { Name: 'Fail' }, 0),
      os(1),
      makeEvent(EventType.TaskFailed, t0, { TaskScheduledId: 0, Reason: 'x' }),
    ];
    const r = replayActions(
      history,
      [
        { actionType: ActionType.WhenAll, compoundActions: [activity('Fail'), wait('Sibling')] },
        activity('Recover'),
      ],
      'e1',
    );
    assert.deepEqual(r.decisions, []);
    assert.equal(r.shimDone, false);
  });

  it('detects a different activity name at a recorded id as non-determinism', () => {
    const history = [os(0), es, makeEvent(EventType.TaskScheduled, t0, { Name: 'A' }, 0)];
    const r = replayActions(history, [activity('B')], 'e1');
    assert.match(r.nonDeterminism ?? '', /sequence ID 0 and name 'A'/);
  });

  it('ignores input differences at a recorded id (DTFx checks kind and name only)', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.TaskScheduled, t0, { Name: 'a', Input: '[1]' }, 0),
    ];
    const r = replayActions(history, [{ ...activity('A'), input: 2 }], 'e1');
    assert.equal(r.nonDeterminism, undefined);
    assert.deepEqual(r.decisions, []);
  });

  it('ends a retry whose timeout has passed without a timer (durable-js #629: the SDK hangs)', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.TaskScheduled, t0, { Name: 'A' }, 0),
      os(10 * minute),
      makeEvent(EventType.TaskFailed, t0, { TaskScheduledId: 0, Reason: 'x' }),
    ];
    const action: OrchestratorAction = {
      actionType: ActionType.CallActivityWithRetry,
      functionName: 'A',
      retryOptions: {
        firstRetryIntervalInMilliseconds: 1000,
        maxNumberOfAttempts: 5,
        retryTimeoutInMilliseconds: minute,
      },
    };
    const r = replayActions(history, [action], 'e1');
    assert.deepEqual(r.decisions, []);
    assert.equal(r.openTasks, 0);
    assert.equal(r.shimDone, true);
  });

  it('caps the retry delay at maxRetryIntervalInMilliseconds', () => {
    const history = [
      os(0),
      es,
      makeEvent(EventType.TaskScheduled, t0, { Name: 'A' }, 0),
      os(0),
      makeEvent(EventType.TaskFailed, t0, { TaskScheduledId: 0 }),
    ];
    const action: OrchestratorAction = {
      actionType: ActionType.CallActivityWithRetry,
      functionName: 'A',
      retryOptions: {
        firstRetryIntervalInMilliseconds: 10 * minute,
        maxNumberOfAttempts: 3,
        backoffCoefficient: 2,
        maxRetryIntervalInMilliseconds: 5 * minute,
      },
    };
    const r = replayActions(history, [action], 'e1');
    assert.equal(r.decisions[0]?.['FireAt'], new Date(t0 + 5 * minute).toISOString());
  });

  it('gives a default sub-orchestration id of executionId:n', () => {
    const sub: OrchestratorAction = {
      actionType: ActionType.CallSubOrchestrator,
      functionName: 'Child',
      input: { a: 1 },
    };
    const r = replayActions([os(0), es], [sub], 'exec9');
    assert.equal(r.decisions[0]?.['InstanceId'], 'exec9:0');
    assert.equal(r.decisions[0]?.['Input'], '{"a":1}');
  });

  it('reports continue-as-new input and an unsupported action', () => {
    const can = replayActions(
      [os(0), es],
      [{ actionType: ActionType.ContinueAsNew, input: { n: 1 } }],
      'e1',
    );
    assert.equal(can.continueAsNewInput, '{"n":1}');
    assert.equal(can.shimDone, true);
    const scheduled = replayActions(
      [os(0), es],
      [{ actionType: ActionType.ScheduledSignalEntity }],
      'e1',
    );
    assert.match(scheduled.unsupported ?? '', /signalEntity \(scheduled\) .* not supported/);
  });

  it('sends an entity call as an EventSent "op" and completes it on the EventRaised named by its request id', () => {
    const call = {
      actionType: ActionType.CallEntity,
      instanceId: '@counter@c1',
      operation: 'get',
    };
    const first = replayActions([os(0), es], [call], 'e1', 'inst');
    assert.equal(first.decisions.length, 1);
    const sent = first.decisions[0] as HistoryEvent;
    assert.equal(sent.EventType, EventType.EventSent);
    assert.equal(sent['InstanceId'], '@counter@c1');
    const request = JSON.parse(String(sent['Input'])) as Record<string, unknown>;
    assert.deepEqual(
      { ...request, id: typeof request['id'] },
      {
        id: 'string',
        op: 'get',
        signal: false,
        input: null,
        parent: 'inst',
        parentExecution: 'e1',
      },
    );
    const answered = replayActions(
      [
        os(0),
        es,
        { ...sent, IsPlayed: true },
        os(1),
        {
          EventType: EventType.EventRaised,
          EventId: -1,
          IsPlayed: false,
          Timestamp: '',
          Name: request['id'],
          Input: '{"result":"5"}',
        },
      ],
      [call],
      'e1',
      'inst',
    );
    assert.deepEqual(answered.decisions, []);
    assert.equal(answered.shimDone, true);
  });

  it('splits a long timer into 3-day intervals and creates only the first one when it is cancelled', () => {
    const day = 24 * 60 * minute;
    const long = replayActions([os(0), es], [timer((10 * day) / minute)], 'e1');
    assert.equal(long.decisions[0]?.['FireAt'], new Date(t0 + 3 * day).toISOString());
    assert.equal(long.openTasks, 1);
    const cancelled = replayActions(
      [os(0), es],
      [timer((10 * day) / minute, true), activity('Next')],
      'e1',
    );
    assert.deepEqual(summary(cancelled.decisions), [
      `${EventType.TimerCreated}#0`,
      `${EventType.TaskScheduled}#1 Next`,
    ]);
    assert.equal(cancelled.openTasks, 1);
  });
});
