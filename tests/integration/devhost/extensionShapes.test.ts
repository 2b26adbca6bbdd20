// Conformance of the Durable HTTP API's answers with the extension's, shape by shape. Each
// test names what it follows: HttpApiHandler.cs and DurableClient.cs of
// Azure/azure-functions-durable-extension (reference: /work/shared/reference/durable-protocol.md §4.1).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';

const appDir = path.join(fixtureAppDir, '../devhost-shapes');
const api = '/runtime/webhooks/durabletask';
const minute = 60_000;
type Row = Record<string, unknown>;

describe('Durable HTTP API shapes (extension conformance)', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  before(async () => {
    host = await startDevHost({ appDir, clock });
  });
  after(async () => {
    await host.stop();
  });

  const start = async (name: string, id: string, input?: unknown): Promise<void> => {
    assert.equal((await post(host.url, `${api}/orchestrators/${name}/${id}`, input)).status, 202);
  };
  const history = async (id: string, query = ''): Promise<Row[]> => {
    const res = await fetch(`${host.url}${api}/instances/${id}?showHistory=true${query}`);
    return ((await res.json()) as { historyEvents: Row[] }).historyEvents;
  };
  const row = (rows: Row[], type: string, fn?: string): Row => {
    const found = rows.find(
      (r) => r['EventType'] === type && (fn === undefined || r['FunctionName'] === fn),
    );
    assert.ok(found, `${type} ${fn ?? ''} in ${JSON.stringify(rows)}`);
    return found;
  };

  before(async () => {
    await start('Shapes', 'shapes-1', { city: 'Tokyo' });
    await host.settle();
    assert.equal(
      (await post(host.url, `${api}/instances/shapes-1/raiseEvent/Go`, { ok: true })).status,
      202,
    );
    await host.waitFor('shapes-1', (s) => s.runtimeStatus === 'Completed');
  });

  it("keeps only FunctionName of ExecutionStarted's naming fields (DurableClient.GetDurableOrchestrationStatusAsync, case ExecutionStarted)", async () => {
    const started = row(await history('shapes-1'), 'ExecutionStarted');
    assert.equal(started['FunctionName'], 'Shapes');
    for (const gone of ['Name', 'OrchestrationInstance', 'ParentInstance', 'Version', 'Tags'])
      assert.ok(!(gone in started), gone);
    assert.equal(started['Input'], '{"city":"Tokyo"}');
    for (const gone of ['EventId', 'IsPlayed']) assert.ok(!(gone in started), gone);
  });

  it('merges each scheduling row into its completion with FunctionName, ScheduledTime and the scheduled Input (AddScheduledEventDataAndAggregate; showInput defaults to true)', async () => {
    const rows = await history('shapes-1');
    assert.deepEqual(
      rows.map((r) => r['EventType']),
      [
        'ExecutionStarted',
        'TaskCompleted',
        'TaskFailed',
        'SubOrchestrationInstanceCompleted',
        'EventRaised',
        'ExecutionCompleted',
      ],
    );
    const done = row(rows, 'TaskCompleted', 'Greet');
    // durable-functions sends a string input JSON-encoded; the host wraps it in an array.
    assert.equal(done['Input'], JSON.stringify(['"Tokyo"']));
    assert.equal(typeof done['ScheduledTime'], 'string');
    assert.ok(!('TaskScheduledId' in done) && !('Result' in done));
    const failed = row(rows, 'TaskFailed', 'Boom');
    assert.equal(failed['Input'], '[{"why":"test"}]');
    assert.match(String(failed['Reason']), /^Activity function 'Boom' failed: /);
    const child = row(rows, 'SubOrchestrationInstanceCompleted', 'Child');
    assert.equal(child['Input'], '{"n":1}');
    assert.equal(row(rows, 'EventRaised')['Input'], '{"ok":true}');
  });

  it("removes every Input only with showInput=false (the transform's last step)", async () => {
    const res = await fetch(
      `${host.url}${api}/instances/shapes-1?showHistory=true&showInput=false`,
    );
    const body = (await res.json()) as { input: unknown; historyEvents: Row[] };
    assert.equal(body.input, null);
    assert.ok(body.historyEvents.length > 0);
    for (const r of body.historyEvents) assert.ok(!('Input' in r), JSON.stringify(r));
  });

  it('parses results as JSON with showHistoryOutput and names OrchestrationStatus (ConvertOutputToJToken, case ExecutionCompleted)', async () => {
    const rows = await history('shapes-1', '&showHistoryOutput=true');
    assert.equal(row(rows, 'TaskCompleted', 'Greet')['Result'], 'Hello Tokyo');
    assert.deepEqual(row(rows, 'SubOrchestrationInstanceCompleted')['Result'], { child: 1 });
    const completed = row(rows, 'ExecutionCompleted');
    assert.equal(completed['OrchestrationStatus'], 'Completed');
    assert.equal(completed['Result'], 'Hello Tokyo 1 true');
    assert.ok(!('Result' in row(await history('shapes-1'), 'ExecutionCompleted')));
  });

  it('shows a running activity as its TaskScheduled row until the completion merges into it (only matched scheduling rows are removed)', async () => {
    await start('Holding', 'hold-1');
    // settle() would wait for the held activity; the app says when it is running instead.
    assert.equal((await fetch(`${host.url}/api/held/hold-1`)).status, 200);
    const running = await history('hold-1');
    const scheduled = row(running, 'TaskScheduled');
    assert.equal(scheduled['Name'], 'Hold');
    assert.equal(scheduled['Input'], JSON.stringify(['"hold-1"']));
    assert.ok(!('Version' in scheduled) && !('EventId' in scheduled));
    assert.equal((await post(host.url, '/api/release/hold-1')).status, 200);
    await host.waitFor('hold-1', (s) => s.runtimeStatus === 'Completed');
    const rows = await history('hold-1');
    assert.ok(!rows.some((r) => r['EventType'] === 'TaskScheduled'));
    assert.equal(row(rows, 'TaskCompleted')['FunctionName'], 'Hold');
  });

  it('keeps the ExecutionTerminated and EventRaised Input unless showInput=false', async () => {
    await start('Waits', 'term-1');
    await host.settle();
    assert.equal(
      (await post(host.url, `${api}/instances/term-1/terminate?reason=because`)).status,
      202,
    );
    await host.waitFor('term-1', (s) => s.runtimeStatus === 'Terminated');
    assert.equal(row(await history('term-1'), 'ExecutionTerminated')['Input'], 'because');
    assert.ok(
      !('Input' in row(await history('term-1', '&showInput=false'), 'ExecutionTerminated')),
    );
  });

  it('ends a failed sub-orchestration\'s Details like OutOfProcOrchestrationShim ("Message: …, StackTrace: …")', async () => {
    await start('ParentOfFailing', 'pof-1');
    await host.waitFor('pof-1', (s) => s.runtimeStatus === 'Failed');
    const failed = row(await history('pof-1'), 'SubOrchestrationInstanceFailed', 'Child');
    assert.match(String(failed['Reason']), /^Orchestrator function 'Child' failed: child failed/);
    // The extension appends the host-side exception's .NET stack trace, which a Node host has
    // no equivalent of (durable-functions' own failure error carries no stack either).
    assert.match(String(failed['Details']), /^Message: child failed, StackTrace: /);
  });

  it("reports createdTime as the current execution's start after continue-as-new (Azure Storage instance table)", async () => {
    const t0 = clock.now();
    await start('Looping', 'loop-1', 0);
    const s = await host.waitFor('loop-1', (x) => x.runtimeStatus === 'Completed');
    assert.equal(s.output, 1);
    assert.equal(s.createdTime, `${new Date(t0 + minute).toISOString().slice(0, 19)}Z`);
  });

  it('answers start-and-wait with a string output as JSON with a content type (WaitForCompletionOrCreateCheckStatusResponseAsync)', async () => {
    const res = await post(
      host.url,
      `${api}/orchestrators/ReturnsString/str-1?timeout=5&pollingInterval=1`,
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await res.text(), '"plain text"');
  });

  it('answers ?timeout= without pollingInterval at once with 202 (Azure Storage has no poll-free wait)', async () => {
    const res = await post(host.url, `${api}/orchestrators/ReturnsString/str-2?timeout=30`);
    assert.equal(res.status, 202);
    assert.equal(((await res.json()) as { id: string }).id, 'str-2');
    const bad = await post(
      host.url,
      `${api}/orchestrators/ReturnsString/str-3?timeout=1&pollingInterval=5`,
    );
    assert.equal(bad.status, 400);
  });

  it("refuses to restart an unknown id with 400 and the extension's message (HandleRestartInstanceRequestAsync)", async () => {
    const res = await post(host.url, `${api}/instances/ghost/restart`);
    assert.equal(res.status, 400);
    assert.equal(
      ((await res.json()) as { Message: string }).Message,
      'InstanceId does not match a valid orchestration instance.',
    );
  });

  it('checks raiseEvent 404, then 410, then 400 (HandleRaiseEventRequestAsync)', async () => {
    const asText = (id: string): Promise<Response> =>
      post(host.url, `${api}/instances/${id}/raiseEvent/Go`, 'x', { 'content-type': 'text/plain' });
    assert.equal((await asText('ghost')).status, 404);
    assert.equal((await asText('shapes-1')).status, 410);
    await start('Waits', 'ev-1');
    await host.settle();
    const bad = await asText('ev-1');
    assert.equal(bad.status, 400);
    assert.equal(
      ((await bad.json()) as { Message: string }).Message,
      'Only application/json request content is supported',
    );
  });
});
