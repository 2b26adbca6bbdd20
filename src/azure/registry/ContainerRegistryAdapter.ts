import type { ContainerRegistryClient } from '@azure/container-registry';

import { NonRetryableError } from '../../domain/errors.js';
import type { RegistryPort, TagLookup, TagRef } from '../ports/RegistryPort.js';
import { mapRegistryError } from './mapRegistryError.js';

/** What the adapter needs of `AzureClients`: a registry client per login server. */
export interface RegistryClients {
  registry(loginServer: string): Pick<ContainerRegistryClient, 'getArtifact'>;
}

const digestPattern = /^sha256:[0-9a-f]{64}$/;

/**
 * {@link RegistryPort} over `ContainerRegistryClient` (@azure/container-registry):
 * `getArtifact(repo, tag).getTagProperties(tag)` → `GET /acr/v1/{repo}/_tags/{tag}`, with the
 * SDK's challenge-based token exchange. Errors are mapped by {@link mapRegistryError}.
 */
export class ContainerRegistryAdapter implements RegistryPort {
  constructor(private readonly clients: RegistryClients) {}

  async resolveTag(ref: TagRef): Promise<TagLookup> {
    const operation = `resolveTag ${ref.registry}/${ref.repository}:${ref.tag}`;
    let digest: string;
    try {
      const client = this.clients.registry(ref.registry);
      const properties = await client
        .getArtifact(ref.repository, ref.tag)
        .getTagProperties(ref.tag);
      digest = properties.digest;
    } catch (err) {
      if (err instanceof NonRetryableError) throw err;
      const mapped = mapRegistryError(err, operation);
      if (mapped.kind === 'missing') return mapped.lookup;
      throw mapped.error;
    }
    if (!digestPattern.test(digest)) {
      throw new NonRetryableError(
        `${operation}: the registry answered digest ${JSON.stringify(digest)}, not sha256:<64 hex>`,
      );
    }
    return { status: 'found', digest };
  }
}
