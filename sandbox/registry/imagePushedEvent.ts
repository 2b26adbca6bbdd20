import { randomUUID } from 'node:crypto';

import type { ImageRecord } from './Registry.js';

/** An Event Grid event (Event Grid schema) as delivered in the array body. */
export interface EventGridEvent {
  id: string;
  topic: string;
  subject: string;
  eventType: string;
  eventTime: string;
  data: Record<string, unknown>;
  dataVersion: string;
  metadataVersion: string;
}

/**
 * The `Microsoft.ContainerRegistry.ImagePushed` event ACR publishes for a push, in the Event
 * Grid schema (`dataVersion` 2.0). A tagless push (per-platform manifest) has no `target.tag`
 * and its subject is the repository alone. `actor` is who pushed (`data.actor.name`; ACR
 * leaves the name empty when it does not know it).
 */
export function imagePushedEvent(
  image: ImageRecord,
  registry: {
    loginServer: string;
    subscriptionId: string;
    resourceGroup: string;
    location: string;
  },
  at: number,
  actor?: string,
): EventGridEvent {
  const name = registry.loginServer.split('.')[0] ?? registry.loginServer;
  const time = new Date(at).toISOString();
  const target: Record<string, unknown> = {
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    size: 1_574,
    digest: image.digest,
    length: 1_574,
    repository: image.repository,
  };
  if (image.tag !== undefined) target['tag'] = image.tag;
  return {
    id: randomUUID(),
    topic: `/subscriptions/${registry.subscriptionId}/resourceGroups/${registry.resourceGroup}/providers/Microsoft.ContainerRegistry/registries/${name}`,
    subject: image.tag === undefined ? image.repository : `${image.repository}:${image.tag}`,
    eventType: 'Microsoft.ContainerRegistry.ImagePushed',
    eventTime: time,
    data: {
      id: randomUUID(),
      timestamp: time,
      action: 'push',
      location: registry.location.toLowerCase().replace(/\s+/g, ''),
      target,
      request: {
        id: randomUUID(),
        host: registry.loginServer,
        method: 'PUT',
        useragent: 'docker/24.0.7 go/go1.20.10 git-commit/311b9ff kernel/6.1.0 os/linux arch/amd64',
      },
      actor: { name: actor ?? '' },
      connectedRegistry: { name: '' },
    },
    dataVersion: '2.0',
    metadataVersion: '1',
  };
}
