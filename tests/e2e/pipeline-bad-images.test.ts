import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { releaseIdFor } from '../../src/domain/release/index.js';
import { PipelineWorld } from './support/PipelineWorld.js';

const minuteMs = 60_000;

/** ARM calls that change something (anything but reads). */
const armWrites = (world: PipelineWorld) =>
  world.sandbox.armRequests().filter((r) => r.method !== 'GET').length;

describe('pipeline: images that must not go far', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('an image that crashes on start fails dev and never reaches staging', async () => {
    const stagingBefore = world.sandbox.siteState('pwbi-api-staging').digest;
    const pushed = await world.push('4.0.0', 'crash');
    const done = await world.untilEnded(pushed.releaseId);
    assert.equal(done.status, 'Failed');
    assert.equal(done.stage, 'dev');
    assert.match(done.step, /did not become healthy/);
    assert.deepEqual(
      done.stages.map((s) => s.status),
      ['Failed', 'Skipped', 'Skipped'],
    );
    assert.equal(
      world.sandbox.siteState('pwbi-api-dev').digest,
      pushed.digest,
      'dev got it by digest',
    );
    assert.equal(world.sandbox.siteState('pwbi-api-staging').digest, stagingBefore);
    assert.ok(world.virtualElapsedMs() >= 2 * minuteMs - 10_000, 'waited out the smoke timeout');
  });

  it('an image from a repository outside the pipeline is never deployed', async () => {
    const writes = armWrites(world);
    const pushed = await world.push('1.0.0', 'healthy', { repository: 'other-app' });
    assert.deepEqual(
      pushed.deliveries.map((d) => d.status),
      [202],
    );
    await world.host.advance(10 * minuteMs);
    const release = await world.api.get(releaseIdFor('pwbi-api', pushed.digest));
    assert.equal(release.status, 404);
    assert.equal(armWrites(world), writes);
  });

  it('an image from a registry outside the pipeline is never deployed', async () => {
    const writes = armWrites(world);
    const digest = `sha256:${'e'.repeat(64)}`;
    const event = {
      id: 'evil-1',
      topic:
        '/subscriptions/x/resourceGroups/x/providers/Microsoft.ContainerRegistry/registries/evil',
      subject: 'pwbi-api:6.6.6',
      eventType: 'Microsoft.ContainerRegistry.ImagePushed',
      eventTime: new Date(world.clock.now()).toISOString(),
      dataVersion: '2.0',
      metadataVersion: '1',
      data: {
        id: 'evil-1',
        timestamp: new Date(world.clock.now()).toISOString(),
        action: 'push',
        target: {
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          size: 1,
          digest,
          length: 1,
          repository: 'pwbi-api',
          tag: '6.6.6',
        },
        request: { id: 'r', host: 'evil.azurecr.io', method: 'PUT', useragent: 'docker' },
      },
    };
    const res = await fetch(
      `${world.host.url}/runtime/webhooks/EventGrid?functionName=onImagePushed`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
        body: JSON.stringify([event]),
      },
    );
    assert.equal(res.status, 202);
    const byHand = await world.api.start(
      `evil.azurecr.io/pwbi-api@${digest}`,
      'qa-lead@contoso.com',
    );
    assert.ok(
      byHand.status >= 400 && byHand.status < 500,
      `manual start answered ${byHand.status}`,
    );
    await world.host.advance(10 * minuteMs);
    assert.equal((await world.api.get(releaseIdFor('pwbi-api', digest))).status, 404);
    assert.equal(armWrites(world), writes);
  });
});
