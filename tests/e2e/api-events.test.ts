import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ReleaseSummary } from '../../src/domain/view/index.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

describe('api: Event Grid pushes that start nothing, and cancel', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  async function releases(): Promise<ReleaseSummary[]> {
    await world.host.settle();
    return ((await world.api.call('GET', '/api/releases')).body as { releases: ReleaseSummary[] })
      .releases;
  }

  async function deliver(events: unknown): Promise<number> {
    const res = await fetch(
      `${world.host.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
        body: JSON.stringify(events),
      },
    );
    await res.arrayBuffer();
    return res.status;
  }

  it('acknowledges malformed events and other event types without retries or releases', async () => {
    assert.equal(
      await deliver([
        { id: 'm1', eventType: 'Microsoft.ContainerRegistry.ImagePushed', data: 'garbage' },
      ]),
      202,
    );
    assert.equal(
      await deliver([
        {
          id: 'm2',
          eventType: 'Microsoft.ContainerRegistry.ImagePushed',
          data: {
            target: { repository: 'pwbi-api', tag: '1.0.0', digest: 'sha256:short' },
            request: { host: 'pwbiregistry.azurecr.io' },
          },
        },
      ]),
      202,
    );
    assert.equal(
      await deliver([
        {
          id: 'd1',
          eventType: 'Microsoft.ContainerRegistry.ImageDeleted',
          data: { target: { repository: 'pwbi-api', digest: `sha256:${'1'.repeat(64)}` } },
        },
      ]),
      202,
    );
    assert.deepEqual(await releases(), []);
  });

  it('ignores a tagless push (a per-platform manifest) and an image no pipeline deploys', async () => {
    const tagless = await world.sandbox.push('pwbi-api:7.0.0', {
      profile: 'healthy',
      tagless: true,
    });
    assert.deepEqual(
      tagless.deliveries.map((d) => d.status),
      [202],
    );
    const foreign = await world.sandbox.push('billing-api:1.0.0', { profile: 'healthy' });
    assert.deepEqual(
      foreign.deliveries.map((d) => d.status),
      [202],
    );
    assert.deepEqual(await releases(), []);
  });

  it('starts exactly one release for a matching push', async () => {
    const pushed = await world.push('7.1.0');
    const list = await releases();
    assert.deepEqual(
      list.map((r) => [r.id, r.tag, r.requestedBy.startsWith('acr:')]),
      [[pushed.releaseId, '7.1.0', true]],
    );
  });

  it('lets an approver of any stage cancel a release waiting for approval', async () => {
    const [waiting] = await releases();
    assert.ok(waiting);
    await world.untilWaitingFor(waiting.id, 'staging');
    const answer = await world.api.cancel(waiting.id, users.engLead, 'wrong build');
    assert.equal(answer.status, 202);
    const ended = await world.untilEnded(waiting.id);
    assert.equal(ended.status, 'Canceled');
    assert.equal((await world.api.cancel(waiting.id, users.engLead, 'again')).status, 409);
  });
});
