import type { ContainerClient } from '@azure/storage-blob';

import { RetryAfterError } from '../../domain/errors.js';
import { AzureRequestError } from '../errors/AzureRequestError.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { AuditEvent, AuditStore } from '../ports/AuditStore.js';
import { auditPaths, dayOf } from './auditPaths.js';
import { parseAuditLines } from './parseAuditLines.js';

/** Options of {@link BlobAuditStore}. */
export interface BlobAuditStoreOptions {
  /**
   * How old (service time) a marker left `pending` must be before another attempt completes
   * its append; younger ones may still be in flight, so the caller is told to retry. Default 30 s.
   */
  pendingGraceMs?: number;
}

/**
 * {@link AuditStore} over one Blob container (see `auditPaths` for the layout). `append` is
 * exactly-once per `eventId`: a marker blob is created with `If-None-Match: *` before the line
 * is appended and flagged `appended` after; a retry that finds the marker `appended` does
 * nothing, and one that finds it `pending` (the earlier attempt stopped midway) appends only
 * if the day log does not hold the event yet. Storage errors map as `mapAzureError` says.
 */
export class BlobAuditStore implements AuditStore {
  private ready: Promise<void> | undefined;
  private readonly logs = new Set<string>();
  private readonly pendingGraceMs: number;

  constructor(
    private readonly container: ContainerClient,
    options: BlobAuditStoreOptions = {},
  ) {
    this.pendingGraceMs = options.pendingGraceMs ?? 30_000;
  }

  async append(event: AuditEvent): Promise<void> {
    const day = dayOf(event.at);
    const markerName = auditPaths.marker(event.pipeline, event.releaseId, event.eventId);
    const logName = auditPaths.dayLog(event.pipeline, day);
    await this.ensureContainer();
    const marker = this.container.getBlockBlobClient(markerName);
    const what = `audit append ${event.pipeline}/${event.releaseId}/${event.eventId}`;
    try {
      const created = await this.tryCreate(() =>
        marker.upload('', 0, {
          conditions: { ifNoneMatch: '*' },
          metadata: { state: 'pending', day },
        }),
      );
      if (!created) {
        const props = await marker.getProperties();
        if (props.metadata?.['state'] === 'appended') return;
        const ageMs =
          (props.date?.getTime() ?? Date.now()) -
          (props.createdOn ?? props.lastModified ?? new Date(0)).getTime();
        if (ageMs < this.pendingGraceMs) {
          throw new RetryAfterError(`${what}: another attempt is writing this event`, 2_000);
        }
        if (await this.logHolds(logName, event.eventId)) {
          await marker.setMetadata({ state: 'appended', day });
          return;
        }
      }
      await this.appendLine(logName, `${JSON.stringify(event)}\n`);
      await marker.setMetadata({ state: 'appended', day });
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }

  async putRelease(releaseId: string, record: Record<string, unknown>): Promise<void> {
    const blob = this.container.getBlockBlobClient(auditPaths.release(releaseId));
    const text = JSON.stringify(record);
    const length = Buffer.byteLength(text);
    const headers = { blobHTTPHeaders: { blobContentType: 'application/json' } };
    const what = `audit putRelease ${releaseId}`;
    await this.ensureContainer();
    const version = record['version'];
    try {
      if (typeof version !== 'number') {
        await blob.upload(text, length, headers);
        return;
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const existing = await this.readJson(auditPaths.release(releaseId));
        const current = existing?.value['version'];
        if (typeof current === 'number' && current >= version) return;
        const conditions =
          existing === undefined ? { ifNoneMatch: '*' } : { ifMatch: existing.etag };
        if (await this.tryCreate(() => blob.upload(text, length, { ...headers, conditions })))
          return;
      }
    } catch (err) {
      throw mapAzureError(err, what);
    }
    throw new RetryAfterError(`${what}: the record kept changing under concurrent writers`, 1_000);
  }

  async getRelease(releaseId: string): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.readJson(auditPaths.release(releaseId)))?.value;
    } catch (err) {
      throw mapAzureError(err, `audit getRelease ${releaseId}`);
    }
  }

  async events(releaseId: string, pipeline: string): Promise<AuditEvent[]> {
    const prefix = auditPaths.markerPrefix(pipeline, releaseId);
    try {
      const days = new Set<string>();
      for await (const blob of this.container.listBlobsFlat({ prefix, includeMetadata: true })) {
        const day = blob.metadata?.['day'];
        if (day !== undefined) days.add(day);
      }
      const found = new Map<string, AuditEvent>();
      for (const day of [...days].sort()) {
        for (const event of parseAuditLines(
          await this.readText(auditPaths.dayLog(pipeline, day)),
        )) {
          if (event.releaseId === releaseId && !found.has(event.eventId))
            found.set(event.eventId, event);
        }
      }
      return [...found.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    } catch (err) {
      throw mapAzureError(err, `audit events ${pipeline}/${releaseId}`);
    }
  }

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw mapAzureError(err, `audit container ${this.container.containerName}`);
      },
    );
    return this.ready;
  }

  /** Runs a conditional write; false when the condition failed (409 exists / 412 changed). */
  private async tryCreate(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (err) {
      const mapped = mapAzureError(err, 'conditional write');
      if (
        mapped instanceof AzureRequestError &&
        (mapped.statusCode === 409 || mapped.statusCode === 412)
      ) {
        return false;
      }
      throw err;
    }
  }

  private async appendLine(logName: string, line: string): Promise<void> {
    const log = this.container.getAppendBlobClient(logName);
    if (!this.logs.has(logName)) {
      await log.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
      this.logs.add(logName);
    }
    await log.appendBlock(line, Buffer.byteLength(line));
  }

  private async logHolds(logName: string, eventId: string): Promise<boolean> {
    return parseAuditLines(await this.readText(logName)).some((e) => e.eventId === eventId);
  }

  private async readText(name: string): Promise<string> {
    const blob = this.container.getBlobClient(name);
    try {
      return (await blob.downloadToBuffer()).toString('utf8');
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return '';
      throw err;
    }
  }

  /** Reads a JSON blob with its etag; a blob that changes between the two reads is read again (5 tries). */
  private async readJson(
    name: string,
    triesLeft = 5,
  ): Promise<{ value: Record<string, unknown>; etag: string } | undefined> {
    const blob = this.container.getBlobClient(name);
    try {
      const props = await blob.getProperties();
      const buffer = await blob.downloadToBuffer(0, undefined, {
        conditions: { ifMatch: props.etag ?? '*' },
      });
      return {
        value: JSON.parse(buffer.toString('utf8')) as Record<string, unknown>,
        etag: props.etag ?? '*',
      };
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404) return undefined;
      if (status === 412 && triesLeft > 1) return this.readJson(name, triesLeft - 1);
      throw err;
    }
  }
}
