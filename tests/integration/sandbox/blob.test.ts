import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { BlobServiceClient, type RestError } from '@azure/storage-blob';

import { type Sandbox, startSandbox } from '../../../sandbox/index.js';

void describe('sandbox Blob storage: Azurite as a child process', () => {
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox({ tls: false });
  });
  after(async () => {
    await sandbox.stop();
  });

  void it('hands out a connection string the real BlobServiceClient uses (newer x-ms-version accepted)', async () => {
    assert.match(
      sandbox.blobConnectionString,
      /BlobEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;/,
    );
    const blobs = BlobServiceClient.fromConnectionString(sandbox.blobConnectionString);
    const container = blobs.getContainerClient('audit');
    await container.createIfNotExists();
    const blob = container.getBlockBlobClient('releases/r1.json');
    await blob.upload('{"ok":true}', 11, { conditions: { ifNoneMatch: '*' } });
    await assert.rejects(
      blob.upload('{"ok":true}', 11, { conditions: { ifNoneMatch: '*' } }),
      (err: RestError) => err.statusCode === 409,
    );
    assert.equal((await blob.downloadToBuffer()).toString(), '{"ok":true}');
  });

  void it('keeps blobs in a folder across restarts when given a location', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-azurite-'));
    try {
      const first = await startSandbox({ tls: false, azurite: { location: dir } });
      const c1 = BlobServiceClient.fromConnectionString(
        first.blobConnectionString,
      ).getContainerClient('keep');
      await c1.createIfNotExists();
      await c1.getBlockBlobClient('a.txt').upload('a', 1);
      await first.stop();
      const second = await startSandbox({ tls: false, azurite: { location: dir } });
      try {
        const c2 = BlobServiceClient.fromConnectionString(
          second.blobConnectionString,
        ).getContainerClient('keep');
        assert.equal((await c2.getBlockBlobClient('a.txt').downloadToBuffer()).toString(), 'a');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  void it('stops Azurite with the sandbox (its port no longer answers)', async () => {
    const other = await startSandbox({ tls: false });
    const endpoint = /BlobEndpoint=([^;]+);/.exec(other.blobConnectionString)?.[1] ?? '';
    await other.stop();
    await assert.rejects(fetch(endpoint));
  });
});
