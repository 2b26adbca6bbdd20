import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';
import { summarizeHistory } from './summarizeHistory.js';

const minute = 60_000;
const webhook = '/runtime/webhooks/durabletask';

describe('durable engine conformance (golden histories, virtual clock)', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));

  before(async () => {
    host = await startDevHost({ appDir: fixtureAppDir, clock });
  });
  after(async () => {
    await host.stop();
  });

  const start = async (name: string, id: string, input?: unknown): Promise<void> => {
    const res = await post(host.url, `${webhook}/orchestrators/${name}/${id}`, input);
    assert.equal(res.status, 202);
  };
  const raise = async (id: string, event: string, data: unknown): Promise<void> => {
    const res = await post(host.url, `${webhook}/instances/${id}/raiseEvent/${event}`, data);
    assert.equal(res.status, 202);
  };
  const golden = async (id: string, t0: number): Promise<string[]> =>
    summarizeHistory((await host.history(id)) ?? [], t0);

  it('records activity → event raced with a timer → sub-orchestration as the reference example', async () => {
    const t0 = clock.now();
    await start('DeployOrchestrator', 'inst1', { app: 'x' });
    await host.advance(10 * minute);
    await raise('inst1', 'Approval', { approved: true });
    const s = await host.waitFor('inst1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 'ok');
    assert.deepEqual(s.customStatus, { stage: 'deploying' });
    assert.deepEqual(await golden('inst1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted {"app":"x"}',
      '+0m TaskScheduled#0 Provision [{"env":"dev"}]',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m TaskCompleted ->0 {"vmId":"vm-1","env":"dev"}',
      '+0m TimerCreated#1 at+30m',
      '+0m OrchestratorCompleted',
      '+10m OrchestratorStarted',
      '+10m EventRaised Approval {"approved":true}',
      '+10m SubOrchestrationInstanceCreated#2 Deploy inst1:deploy {"vm":"vm-1"}',
      '+10m OrchestratorCompleted',
      '+10m OrchestratorStarted',
      '+10m SubOrchestrationInstanceCompleted ->2 "ok"',
      '+10m ExecutionCompleted#3 "ok" status=1',
      '+10m OrchestratorCompleted',
    ]);
    assert.deepEqual(await golden('inst1:deploy', t0), [
      '+10m OrchestratorStarted',
      '+10m ExecutionStarted {"vm":"vm-1"}',
      '+10m TaskScheduled#0 Echo [{"vm":"vm-1"}]',
      '+10m OrchestratorCompleted',
      '+10m OrchestratorStarted',
      '+10m TaskCompleted ->0 {"vm":"vm-1"}',
      '+10m ExecutionCompleted#1 "ok" status=1',
      '+10m OrchestratorCompleted',
    ]);
    // The cancelled timer still fires later; a completed execution discards it.
    await host.advance(30 * minute);
    assert.equal((await host.history('inst1'))?.length, 16);
  });

  it('fails the example when the timer wins, at exactly its fire time', async () => {
    const t0 = clock.now();
    await start('DeployOrchestrator', 'inst2', { app: 'x' });
    const s = await host.waitFor('inst2', (x) => x.runtimeStatus === 'Failed');
    assert.equal(s.output, "Orchestrator function 'DeployOrchestrator' failed: approval timed out");
    assert.equal(clock.now() - t0, 30 * minute);
    assert.deepEqual((await golden('inst2', t0)).slice(8), [
      '+30m OrchestratorStarted',
      '+30m TimerFired ->1 at+30m',
      '+30m ExecutionCompleted#2 "Orchestrator function \'DeployOrchestrator\' failed: approval timed out" status=3',
      '+30m OrchestratorCompleted',
    ]);
  });

  it('gives retry attempts and their timers ids 0..3, so the next action gets id 4', async () => {
    const t0 = clock.now();
    await start('RetryTwice', 'retry1');
    const s = await host.waitFor('retry1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, {
      caught: "Activity function 'AlwaysFail' failed: Result: Failure",
      after: 'after',
    });
    assert.deepEqual(await golden('retry1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      '+0m TaskScheduled#0 AlwaysFail ["\\"x\\""]',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      "+0m TaskFailed ->0 Activity function 'AlwaysFail' failed: Result: Failure",
      '+0m TimerCreated#1 at+5000ms',
      '+0m OrchestratorCompleted',
      '+5000ms OrchestratorStarted',
      '+5000ms TimerFired ->1 at+5000ms',
      '+5000ms TaskScheduled#2 AlwaysFail ["\\"x\\""]',
      '+5000ms OrchestratorCompleted',
      '+5000ms OrchestratorStarted',
      "+5000ms TaskFailed ->2 Activity function 'AlwaysFail' failed: Result: Failure",
      '+5000ms TimerCreated#3 at+5000ms',
      '+5000ms OrchestratorCompleted',
      '+5000ms OrchestratorStarted',
      '+5000ms TimerFired ->3 at+5000ms',
      '+5000ms TaskScheduled#4 Echo ["\\"after\\""]',
      '+5000ms OrchestratorCompleted',
      '+5000ms OrchestratorStarted',
      '+5000ms TaskCompleted ->4 "after"',
      '+5000ms ExecutionCompleted#5 {"caught":"Activity function \'AlwaysFail\' failed: Result: Failure","after":"after"} status=1',
      '+5000ms OrchestratorCompleted',
    ]);
  });

  it('succeeds on the third attempt with the backoff the options give', async () => {
    const t0 = clock.now();
    await start('RetryThenSucceed', 'retry2');
    const s = await host.waitFor('retry2', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 'succeeded on attempt 3');
    const lines = await golden('retry2', t0);
    assert.ok(lines.includes('+0m TimerCreated#1 at+1000ms'));
    assert.ok(lines.includes('+1000ms TimerCreated#3 at+2000ms'));
    assert.ok(lines.includes('+2000ms ExecutionCompleted#5 "succeeded on attempt 3" status=1'));
  });

  it('splits a 10-day timer into 3-day sub-timers with ids 0..3', async () => {
    const t0 = clock.now();
    await start('LongTimer', 'long1');
    // Five episodes; on a loaded machine (several test runs on two cores) they take seconds.
    const s = await host.waitFor('long1', (x) => x.runtimeStatus === 'Completed', {
      realTimeoutMs: 30_000,
    });
    assert.equal(s.output, new Date(t0 + 10 * 24 * 60 * minute).toISOString());
    const day = 24 * 60;
    assert.deepEqual(await golden('long1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      `+0m TimerCreated#0 at+${3 * day}m`,
      '+0m OrchestratorCompleted',
      `+${3 * day}m OrchestratorStarted`,
      `+${3 * day}m TimerFired ->0 at+${3 * day}m`,
      `+${3 * day}m TimerCreated#1 at+${6 * day}m`,
      `+${3 * day}m OrchestratorCompleted`,
      `+${6 * day}m OrchestratorStarted`,
      `+${6 * day}m TimerFired ->1 at+${6 * day}m`,
      `+${6 * day}m TimerCreated#2 at+${9 * day}m`,
      `+${6 * day}m OrchestratorCompleted`,
      `+${9 * day}m OrchestratorStarted`,
      `+${9 * day}m TimerFired ->2 at+${9 * day}m`,
      `+${9 * day}m TimerCreated#3 at+${10 * day}m`,
      `+${9 * day}m OrchestratorCompleted`,
      `+${10 * day}m OrchestratorStarted`,
      `+${10 * day}m TimerFired ->3 at+${10 * day}m`,
      `+${10 * day}m ExecutionCompleted#4 "${s.output}" status=1`,
      `+${10 * day}m OrchestratorCompleted`,
    ]);
  });

  it('fences a stale timer of the previous execution out of the next one after continue-as-new', async () => {
    const t0 = clock.now();
    await start('ContinueAsNewOrch', 'can1');
    await host.settle();
    await raise('can1', 'Go', {});
    await host.settle();
    // Generation 0's cancelled 1 h timer (id 0) fires now; generation 1's timer 0 is due at 2 h.
    await host.advance(60 * minute);
    assert.equal((await host.getStatus('can1'))?.runtimeStatus, 'Running');
    const s = await host.waitFor('can1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, {
      generation: 1,
      at: new Date(t0 + 120 * minute).toISOString(),
    });
    assert.deepEqual(s.input, { generation: 1 });
    assert.deepEqual(await golden('can1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted {"generation":1}',
      '+0m TimerCreated#0 at+120m',
      '+0m OrchestratorCompleted',
      '+120m OrchestratorStarted',
      '+120m TimerFired ->0 at+120m',
      '+120m ExecutionCompleted#1 {"generation":1,"at":"' +
        new Date(t0 + 120 * minute).toISOString() +
        '"} status=1',
      '+120m OrchestratorCompleted',
    ]);
  });

  it('terminates with the reason as output and records it', async () => {
    const t0 = clock.now();
    await start('WaitForApproval', 'term1');
    await host.settle();
    const res = await post(host.url, `${webhook}/instances/term1/terminate?reason=stop%20it`);
    assert.equal(res.status, 202);
    const s = await host.waitFor('term1', (x) => x.runtimeStatus === 'Terminated');
    assert.equal(s.output, 'stop it');
    assert.deepEqual(await golden('term1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m ExecutionTerminated stop it',
      '+0m ExecutionCompleted stop it status=5',
      '+0m OrchestratorCompleted',
    ]);
    const again = await post(host.url, `${webhook}/instances/term1/terminate?reason=x`);
    assert.equal(again.status, 410);
  });

  it('records events raised while suspended at their arrival and delivers them after resume (DTFx TaskOrchestrationExecutor: events while suspended)', async () => {
    const t0 = clock.now();
    await start('WaitForApproval', 'susp1');
    await host.settle();
    assert.equal(
      (await post(host.url, `${webhook}/instances/susp1/suspend?reason=hold`)).status,
      202,
    );
    await host.settle();
    await raise('susp1', 'Approval', { by: 'qa' });
    await host.advance(5 * minute);
    const suspended = await host.getStatus('susp1');
    assert.equal(suspended?.runtimeStatus, 'Suspended');
    assert.deepEqual(suspended?.customStatus, { waitingFor: 'Approval' });
    assert.equal((await post(host.url, `${webhook}/instances/susp1/resume?reason=go`)).status, 202);
    const s = await host.waitFor('susp1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, { by: 'qa' });
    assert.deepEqual(await golden('susp1', t0), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m ExecutionSuspended',
      '+0m OrchestratorCompleted',
      // DTFx records the event when it arrives and holds it back from replay until the resume.
      '+0m OrchestratorStarted',
      '+0m EventRaised Approval {"by":"qa"}',
      '+0m OrchestratorCompleted',
      '+5m OrchestratorStarted',
      '+5m ExecutionResumed',
      '+5m ExecutionCompleted#0 {"by":"qa"} status=1',
      '+5m OrchestratorCompleted',
    ]);
  });

  it('fails a non-deterministic replay immediately with the production message', async () => {
    const t0 = clock.now();
    await start('NonDeterministic', 'nondet1');
    await host.settle();
    await post(host.url, '/api/flags/changed', true);
    try {
      await raise('nondet1', 'Next', {});
      const s = await host.waitFor('nondet1', (x) => x.runtimeStatus === 'Failed');
      assert.match(
        String(s.output),
        /^Non-Deterministic workflow detected: .*sequence ID 0 and name 'Echo'/,
      );
    } finally {
      await post(host.url, '/api/flags/changed', false);
    }
    const lines = await golden('nondet1', t0);
    assert.deepEqual(lines.slice(0, 9), [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      '+0m TaskScheduled#0 Echo [{"env":"x"}]',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m TaskCompleted ->0 {"env":"x"}',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m EventRaised Next {}',
    ]);
    assert.match(lines[9] ?? '', /^\+0m ExecutionCompleted#1 "Non-Deterministic workflow detected/);
  });

  it('keeps an orchestration with an open uncancelled timer Running until the timer fires', async () => {
    const t0 = clock.now();
    await start('UncancelledTimer', 'open1');
    await host.settle();
    await raise('open1', 'Approval', {});
    await host.settle();
    assert.equal((await host.getStatus('open1'))?.runtimeStatus, 'Running');
    const s = await host.waitFor('open1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(clock.now() - t0, 30 * minute);
    assert.equal(s.output, 'done');
  });

  it('gives an event to the oldest waiter of its name; a cancelled timer still wakes the race', async () => {
    const t0 = clock.now();
    await start('StaleWaiter', 'stale-timer', { against: 'timer' });
    await host.advance(5 * minute);
    await raise('stale-timer', 'Go', {});
    const s = await host.waitFor('stale-timer', (x) => x.runtimeStatus === 'Completed');
    // The SDK hands the event to the newest wait; cancelling the timer completes the race.
    assert.equal(clock.now() - t0, 5 * minute);
    assert.equal(s.output, 'event');
  });

  it('does not wake a race against a child for an event that reached a stale waiter', async () => {
    const t0 = clock.now();
    await start('StaleWaiter', 'stale-child', { against: 'child' });
    await host.advance(5 * minute);
    await raise('stale-child', 'Go', {});
    await host.settle();
    assert.equal((await host.getStatus('stale-child'))?.runtimeStatus, 'Running');
    const s = await host.waitFor('stale-child', (x) => x.runtimeStatus === 'Completed');
    assert.equal(clock.now() - t0, 61 * minute);
    assert.equal(s.output, 'event');
  });

  it('holds Task.all after a fail-fast child until every sibling completes (.NET WhenAll gating)', async () => {
    const t0 = clock.now();
    await start('AllFailFast', 'gate1');
    await host.advance(60 * minute);
    assert.equal((await host.getStatus('gate1'))?.runtimeStatus, 'Running');
    assert.equal((await golden('gate1', t0)).filter((l) => l.includes('Echo')).length, 0);
    await raise('gate1', 'Sibling', {});
    const s = await host.waitFor('gate1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 'recovered');
    assert.ok(
      (await golden('gate1', t0)).includes('+60m TaskScheduled#1 Echo ["\\"recovered\\""]'),
    );
  });

  it('reports a failed sub-orchestration to its parent with the production reason', async () => {
    await start('ParentOfFailing', 'parent1');
    const s = await host.waitFor('parent1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, "Orchestrator function 'Failing' failed: child exploded ");
    const events = (await host.history('parent1')) ?? [];
    const started = events.find((e) => e['EventType'] === 0) as {
      OrchestrationInstance: { ExecutionId: string };
    };
    const created = events.find((e) => e['EventType'] === 7);
    // The default child id is "<parent execution id>:<sequence id>".
    assert.equal(created?.['InstanceId'], `${started.OrchestrationInstance.ExecutionId}:0`);
    const child = await host.getStatus(`${started.OrchestrationInstance.ExecutionId}:0`);
    assert.equal(child?.runtimeStatus, 'Failed');
  });

  it('fails the orchestration when an activity fails and nothing catches it', async () => {
    await start('ActivityFails', 'actfail1');
    const s = await host.waitFor('actfail1', (x) => x.runtimeStatus === 'Failed');
    assert.match(
      String(s.output),
      /^Orchestrator function 'ActivityFails' failed: Activity function 'AlwaysFail' failed: Result: Failure\nException: always fails: "input"\nStack: Error: always fails/,
    );
  });

  it('fails on a custom status over 16 KB of UTF-16 and applies none of that episode', async () => {
    const t0 = clock.now();
    await start('BigCustomStatus', 'big1');
    const s = await host.waitFor('big1', (x) => x.runtimeStatus === 'Failed');
    assert.match(String(s.output), /customStatus: expected at most 16384 bytes/);
    assert.equal(s.customStatus, null);
    assert.equal((await golden('big1', t0)).filter((l) => l.includes('TaskScheduled')).length, 0);
  });

  it('fails an orchestration that calls an unregistered activity, naming it', async () => {
    await start('CallsUnknown', 'unknown1');
    const s = await host.waitFor('unknown1', (x) => x.runtimeStatus === 'Failed');
    assert.match(String(s.output), /'NoSuchActivity' is not registered as an activity function/);
  });

  it('fans out activities in one episode with consecutive ids', async () => {
    await start('FanOut', 'fan1', 4);
    const s = await host.waitFor('fan1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, [0, 1, 2, 3]);
    const ids = ((await host.history('fan1')) ?? [])
      .filter((e) => e['EventType'] === 4)
      .map((e) => e['EventId']);
    assert.deepEqual(ids, [0, 1, 2, 3]);
  });

  it('runs one episode per instance at a time and loses no event raised concurrently', async () => {
    await start('CollectEvents', 'collect1', 25);
    await host.settle();
    const raised = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        post(host.url, `${webhook}/instances/collect1/raiseEvent/E`, i),
      ),
    );
    assert.ok(raised.every((r) => r.status === 202));
    const s = await host.waitFor('collect1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(
      [...(s.output as number[])].sort((a, b) => a - b),
      Array.from({ length: 25 }, (_, i) => i),
    );
    const events = (await host.history('collect1')) ?? [];
    const starts = events.filter((e) => e['EventType'] === 12).length;
    const ends = events.filter((e) => e['EventType'] === 13).length;
    assert.equal(starts, ends);
    // Episodes never interleave: every OrchestratorStarted is closed before the next opens.
    let open = 0;
    for (const e of events) {
      if (e['EventType'] === 12) open++;
      if (e['EventType'] === 13) open--;
      assert.ok(open === 0 || open === 1);
    }
  });

  it('fails an orchestration that threw only once its open timer has fired', async () => {
    const t0 = clock.now();
    await start('ThrowsWithOpenTimer', 'throw-open1');
    await host.advance(10 * minute);
    assert.equal((await host.getStatus('throw-open1'))?.runtimeStatus, 'Running');
    const s = await host.waitFor('throw-open1', (x) => x.runtimeStatus === 'Failed');
    assert.equal(s.output, "Orchestrator function 'ThrowsWithOpenTimer' failed: gave up");
    assert.equal(clock.now() - t0, 30 * minute);
  });
});
