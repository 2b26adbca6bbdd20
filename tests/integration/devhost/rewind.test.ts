// Rewind through the Durable HTTP API, as the extension's HttpApiHandler.HandleRewindInstanceRequestAsync
// answers and the Azure Storage provider's AzureTableTrackingStore.RewindHistoryAsync rewinds.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { type DevHost, startDevHost, VirtualClock } from '../../../devhost/index.js';
import { fixtureAppDir, post } from './fixtureApp.js';
import { summarizeHistory } from './summarizeHistory.js';

const appDir = path.join(fixtureAppDir, '../devhost-rewind');
const api = '/runtime/webhooks/durabletask';

describe('rewind (Durable HTTP API)', () => {
  let host: DevHost;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  before(async () => {
    host = await startDevHost({ appDir, clock });
  });
  after(async () => {
    await host.stop();
  });
  const start = async (name: string, id: string): Promise<void> => {
    assert.equal((await post(host.url, `${api}/orchestrators/${name}/${id}`)).status, 202);
  };
  const rewind = async (id: string): Promise<number> =>
    (await post(host.url, `${api}/instances/${id}/rewind?reason=healed`)).status;

  it('answers 404 for an unknown id, 410 for Completed and Terminated, 500 for a running instance', async () => {
    assert.equal(await rewind('ghost'), 404);
    await start('Done', 'done-1');
    await host.waitFor('done-1', (s) => s.runtimeStatus === 'Completed');
    assert.equal(await rewind('done-1'), 410);
    await start('Waits', 'wait-1');
    await host.settle();
    // DurableClient.RewindAsync throws InvalidOperationException for a non-failed instance.
    assert.equal(await rewind('wait-1'), 500);
    assert.equal((await post(host.url, `${api}/instances/wait-1/terminate?reason=x`)).status, 202);
    await host.waitFor('wait-1', (s) => s.runtimeStatus === 'Terminated');
    assert.equal(await rewind('wait-1'), 410);
  });

  it('rewinds a failed instance: the failed activity runs again, the one that succeeded does not', async () => {
    const t0 = clock.now();
    await start('RewindMe', 'rw-1');
    await start('RewindParent', 'rwp-1');
    await host.waitFor('rw-1', (s) => s.runtimeStatus === 'Failed');
    await host.waitFor('rwp-1', (s) => s.runtimeStatus === 'Failed');
    assert.equal((await post(host.url, '/api/heal')).status, 200);
    assert.equal(await rewind('rw-1'), 202);
    const s = await host.waitFor('rw-1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, ['a', 'ok b']);
    const lines = summarizeHistory((await host.history('rw-1')) ?? [], t0);
    assert.deepEqual(lines, [
      '+0m OrchestratorStarted',
      '+0m ExecutionStarted null',
      '+0m TaskScheduled#0 Step ["\\"a\\""]',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m TaskCompleted ->0 "a"',
      // The failed attempt's TaskScheduled, TaskFailed and ExecutionCompleted became GenericEvents…
      '+0m GenericEvent#1 Flaky',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m GenericEvent ->1',
      '+0m GenericEvent#2',
      '+0m OrchestratorCompleted',
      // …and the rewind's GenericEvent message replays the orchestrator, which schedules it again.
      '+0m OrchestratorStarted',
      '+0m GenericEvent',
      '+0m TaskScheduled#1 Flaky ["\\"b\\""]',
      '+0m OrchestratorCompleted',
      '+0m OrchestratorStarted',
      '+0m TaskCompleted ->1 "ok b"',
      '+0m ExecutionCompleted#2 ["a","ok b"] status=1',
      '+0m OrchestratorCompleted',
    ]);
    const raw = (await host.history('rw-1')) ?? [];
    const rewound = raw.filter((e) => String(e['Reason']).startsWith('Rewound: '));
    assert.deepEqual(
      rewound.map((e) => [e.EventType, e['Reason']]),
      [
        [17, 'Rewound: TaskScheduled'],
        [17, 'Rewound: TaskFailed'],
        [17, 'Rewound: ExecutionCompleted'],
      ],
    );
    const calls = (await (await fetch(`${host.url}/api/calls`)).json()) as Record<string, number>;
    assert.equal(calls['Step:a'], 1);
    assert.equal(calls['Flaky:b'], 2);
  });

  it('rewinds a failed sub-orchestration with its parent: the child retries, the parent completes', async () => {
    assert.equal(await rewind('rwp-1'), 202);
    const s = await host.waitFor('rwp-1', (x) => x.runtimeStatus === 'Completed');
    assert.deepEqual(s.output, ['parent', 'ok child']);
    assert.equal((await host.getStatus('rwp-1:c'))?.runtimeStatus, 'Completed');
    const parent = (await host.history('rwp-1')) ?? [];
    const created = parent.find((e) => e.EventType === 7);
    assert.equal(created?.['Reason'], 'Rewound: SubOrchestrationInstanceCreated');
    const calls = (await (await fetch(`${host.url}/api/calls`)).json()) as Record<string, number>;
    assert.equal(calls['Step:parent'], 1);
    assert.equal(calls['Flaky:child'], 2);
  });
});
