import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseView } from '../../src/domain/view/index.js';
import { auditCalls, ended, postJson, startUrl } from './support/durableKeyAttacks.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

/**
 * What an attacker who can read a durable status URL (`links.status` of the release view) can
 * do with the system key it carries: read the instance's history (with the sealed events it
 * received), raise events, and restart a finished instance with its own recorded input.
 */
function instanceUrl(statusUri: string, suffix: string, query = ''): string {
  const url = new URL(statusUri);
  url.pathname += suffix;
  for (const part of query.split('&').filter((p) => p !== '')) {
    const [k = '', v = ''] = part.split('=');
    url.searchParams.set(k, v);
  }
  return url.toString();
}

interface Recorded {
  input: unknown;
  approvals: Record<string, unknown>[];
}

/** The instance's input and the `approval` events it received, as its status URL shows them. */
async function readThroughStatusUrl(statusUri: string): Promise<Recorded> {
  const res = await fetch(instanceUrl(statusUri, '', 'showHistory=true&showHistoryOutput=true'));
  assert.ok([200, 202].includes(res.status), `status URL answered ${res.status}`);
  const body = (await res.json()) as { input: unknown; historyEvents?: Record<string, unknown>[] };
  const approvals = (body.historyEvents ?? [])
    .filter((e) => e['EventType'] === 'EventRaised' && e['Name'] === 'approval')
    .map((e) => e['Input'])
    .map((i) => (typeof i === 'string' ? JSON.parse(i) : i) as Record<string, unknown>);
  return { input: body.input, approvals };
}

describe('security: sealed approvals replayed from history are ignored', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  /** How many `staleDecisionIgnored` audit lines the release's current run wrote. */
  async function staleAudits(id: string): Promise<number> {
    const history = (await world.host.history(id)) ?? [];
    return auditCalls(history, 'staleDecisionIgnored').length;
  }

  it('a recorded approval raised at the next wait decides nothing; a restart with the recorded input is refused', async () => {
    // Given a pushed release approved for staging through the API, now waiting for production
    const pushed = await world.push('9.0.0');
    await world.untilWaitingFor(pushed.releaseId, 'staging');
    await world.approve(pushed.releaseId, 'staging', users.qaLead);
    await world.untilWaitingFor(pushed.releaseId, 'production');
    const id = pushed.releaseId;
    const statusUri = ((await world.api.get(id)).body as ReleaseView).links.status;

    // When an attacker reads the sealed staging approval from the history
    const first = await readThroughStatusUrl(statusUri);
    const [staging] = first.approvals;
    assert.equal(first.approvals.length, 1);
    assert.equal(staging?.['stage'], 'staging');
    assert.equal(typeof staging?.['seal'], 'string', 'the recorded approval is sealed');
    assert.equal(typeof staging?.['waitingSince'], 'string', 'it names the wait it answered');

    // And raises it again at the production wait
    assert.equal(await postJson(instanceUrl(statusUri, '/raiseEvent/approval'), staging), 202);
    await world.host.settle();

    // Then it is audited as stale and the release still waits for production
    assert.equal(await staleAudits(id), 1);
    const waiting = await world.untilWaitingFor(id, 'production');
    assert.equal(waiting.stages[2]?.approval, undefined);

    // When production is rejected through the API and the release ends
    const rejected = await world.api.reject(id, 'production', users.engLead, 'not today');
    assert.equal(rejected.status, 202);
    assert.equal((await world.untilEnded(id)).status, 'Rejected');
    const recorded = await readThroughStatusUrl(statusUri);
    assert.equal(recorded.approvals.length, 3, 'the API approval, the replay and the rejection');

    // And the attacker restarts it with its recorded sealed input and replays the staging approval
    assert.equal(await postJson(startUrl(statusUri, 'releasePipeline', id), recorded.input), 202);

    // Then the restart is refused at its first step: it never waits for an approval again
    const { status: refused } = await ended(world, id);
    assert.equal(refused.runtimeStatus, 'Failed');
    assert.match(JSON.stringify(refused.output), /sealed input already ran once/);
    const replayed = await postJson(instanceUrl(statusUri, '/raiseEvent/approval'), staging);
    assert.equal(replayed, 410, 'the refused instance takes no event');
    await world.host.settle();

    // And the release still shows Rejected, with no approval for production
    const view = (await world.api.get(id)).body as ReleaseView;
    assert.equal(view.status, 'Rejected');
    assert.equal(view.startRefused?.refusal, 'alreadyRan');
    assert.equal(view.stages[1]?.approval?.by, users.qaLead);
    assert.equal(view.stages[2]?.approval, undefined);
  });
});
