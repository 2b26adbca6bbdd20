import type { ContainerClient } from '@azure/storage-blob';

import { describeValue } from '../../domain/describeValue.js';
import { RetryAfterError, ValidationError } from '../../domain/errors.js';
import { AzureRequestError } from '../errors/AzureRequestError.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { ClaimRecord, ClaimResult, ClaimStore } from '../ports/ClaimStore.js';

/**
 * {@link ClaimStore} over one Blob container: `claims/<name>/<name>….json`, each name
 * URL-encoded (so `/` and `..` cannot escape it). `claim` uploads with `If-None-Match: *`;
 * when the blob exists it returns what the blob holds. Storage errors map as `mapAzureError`
 * says.
 */
export class BlobClaimStore implements ClaimStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly container: ContainerClient) {}

  async claim(key: readonly string[], record: ClaimRecord): Promise<ClaimResult> {
    const name = blobName(key);
    const blob = this.container.getBlockBlobClient(name);
    const text = JSON.stringify(record);
    await this.ensureContainer();
    try {
      await blob.upload(text, Buffer.byteLength(text), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return { won: true, record };
    } catch (err) {
      const mapped = mapAzureError(err, `claim ${name}`);
      const exists =
        mapped instanceof AzureRequestError &&
        (mapped.statusCode === 409 || mapped.statusCode === 412);
      if (!exists) throw mapped;
    }
    const stored = await this.read(key);
    // Removed between our create and our read: one more look decides.
    if (stored === undefined) throw new RetryAfterError(`claim ${name}: it just vanished`, 500);
    return { won: false, record: stored };
  }

  async read(key: readonly string[]): Promise<ClaimRecord | undefined> {
    const name = blobName(key);
    try {
      const buffer = await this.container.getBlobClient(name).downloadToBuffer();
      return JSON.parse(buffer.toString('utf8')) as ClaimRecord;
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw mapAzureError(err, `claim read ${name}`);
    }
  }

  async remove(key: readonly string[]): Promise<void> {
    const name = blobName(key);
    try {
      await this.container.getBlobClient(name).deleteIfExists();
    } catch (err) {
      throw mapAzureError(err, `claim remove ${name}`);
    }
  }

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw mapAzureError(err, `claims container ${this.container.containerName}`);
      },
    );
    return this.ready;
  }
}

/** `claims/<a>/<b>.json` with every name URL-encoded; ValidationError naming `key` when bad. */
function blobName(key: readonly string[]): string {
  if (key.length === 0) throw new ValidationError('key', 'at least one name', 'none');
  const names = key.map((part) => {
    if (typeof part !== 'string' || part.trim() === '' || part.length > 200) {
      throw new ValidationError('key', 'names of 1 to 200 characters', describeValue(part));
    }
    return encodeURIComponent(part).replace(/\./g, '%2E');
  });
  return `claims/${names.join('/')}.json`;
}
