import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseImagePushedEvent } from '../../../src/domain/images/index.js';

const digest = `sha256:${'213bbc18'.repeat(8)}`;

/** An ImagePushed event in the Event Grid schema ACR delivers. */
function pushed(target: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id: '831e1650-001e-001b-66ab-eeb76e069631',
    topic:
      '/subscriptions/S/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/pwbiregistry',
    subject: 'pwbi-api:1.4.2',
    eventType: 'Microsoft.ContainerRegistry.ImagePushed',
    eventTime: '2026-01-01T10:00:00.6549614Z',
    data: {
      id: '31c51664-e5bd-416a-a5df-e5206bc47ed0',
      timestamp: '2026-01-01T10:00:00.276585742Z',
      action: 'push',
      location: 'westeurope',
      target: {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        size: 3023,
        length: 3023,
        digest,
        repository: 'pwbi-api',
        tag: '1.4.2',
        ...target,
      },
      request: { id: 'r1', host: 'pwbiregistry.azurecr.io', method: 'PUT', useragent: 'docker/24' },
      connectedRegistry: { name: '' },
      ...extra,
    },
    dataVersion: '2.0',
    metadataVersion: '1',
  };
}

describe('ACR ImagePushed events', () => {
  it('reads a tagged push as registry, repository, tag and digest', () => {
    assert.deepEqual(parseImagePushedEvent(pushed({}, { actor: { name: 'ci-bot' } })), {
      kind: 'push',
      registry: 'pwbiregistry.azurecr.io',
      repository: 'pwbi-api',
      tag: '1.4.2',
      digest,
      actor: 'ci-bot',
      eventId: '831e1650-001e-001b-66ab-eeb76e069631',
      pushedAt: '2026-01-01T10:00:00.276Z',
    });
  });

  it('takes the push time from data.timestamp, else the event time (ms precision)', () => {
    const noStamp = pushed({}, { timestamp: undefined });
    const read = parseImagePushedEvent(noStamp);
    assert.equal(read.kind === 'push' && read.pushedAt, '2026-01-01T10:00:00.654Z');
    const neither = { ...noStamp, eventTime: 'yesterday' };
    const none = parseImagePushedEvent(neither);
    assert.ok(none.kind === 'push' && none.pushedAt === undefined);
  });

  it('reads the CloudEvents form', () => {
    const e = pushed({});
    const cloud = {
      specversion: '1.0',
      id: e.id,
      source: e.topic,
      type: e.eventType,
      subject: e.subject,
      time: e.eventTime,
      data: e.data,
    };
    assert.equal(parseImagePushedEvent(cloud).kind, 'push');
  });

  it('ignores a per-platform manifest pushed without a tag', () => {
    const e = pushed({ tag: undefined });
    const result = parseImagePushedEvent(e);
    assert.equal(result.kind, 'ignored');
    assert.match(result.kind === 'ignored' ? result.reason : '', /no tag/);
  });

  it('ignores signatures and non-image artifacts', () => {
    const sig = parseImagePushedEvent(pushed({ tag: `sha256-${'a'.repeat(64)}.sig` }));
    assert.equal(sig.kind, 'ignored');
    const chart = parseImagePushedEvent(pushed({ mediaType: 'application/vnd.acr.helm.chart' }));
    assert.equal(chart.kind, 'ignored');
  });

  it('ignores other event types and malformed events', () => {
    const deleted = { ...pushed({}), eventType: 'Microsoft.ContainerRegistry.ImageDeleted' };
    assert.equal(parseImagePushedEvent(deleted).kind, 'ignored');
    assert.equal(parseImagePushedEvent(null).kind, 'ignored');
    assert.equal(
      parseImagePushedEvent({ eventType: 'Microsoft.ContainerRegistry.ImagePushed' }).kind,
      'ignored',
    );
    const badDigest = parseImagePushedEvent(pushed({ digest: 'sha256:nothex' }));
    assert.equal(badDigest.kind, 'ignored');
    assert.match(badDigest.kind === 'ignored' ? badDigest.reason : '', /^data\.target: expected/);
  });
});
