import { BlobServiceClient } from '@azure/storage-blob';

/** One line of Slotpilot's Blob audit trail (the fields tests read; the rest is kept). */
export interface AuditLine {
  eventId: string;
  releaseId: string;
  pipeline: string;
  at: string;
  type: string;
  [field: string]: unknown;
}

/** The audit container Slotpilot writes when `SLOTPILOT_AUDIT_CONTAINER` is not set. */
export const DEFAULT_AUDIT_CONTAINER = 'slotpilot-audit';

/**
 * Reads the audit trail of one release out of Blob storage (Azurite here), as an operator
 * would with Storage Explorer: the pipeline's day logs `audit/<pipeline>/<yyyy-mm-dd>.jsonl`
 * (JSON lines), the lines of `releaseId`, once per `eventId`, oldest first. A missing
 * container or log is an empty trail. For tests and rehearsals; read-only.
 */
export async function readAuditTrail(
  connectionString: string,
  pipeline: string,
  releaseId: string,
  container = DEFAULT_AUDIT_CONTAINER,
): Promise<AuditLine[]> {
  const client =
    BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  if (!(await client.exists())) return [];
  const prefix = `audit/${encodeURIComponent(pipeline).replace(/\./g, '%2E')}/`;
  const found = new Map<string, AuditLine>();
  const names: string[] = [];
  for await (const blob of client.listBlobsFlat({ prefix })) names.push(blob.name);
  for (const name of names.sort()) {
    const text = (await client.getBlobClient(name).downloadToBuffer()).toString('utf8');
    for (const line of text.split('\n')) {
      const event = parseLine(line);
      if (event?.releaseId === releaseId && !found.has(event.eventId)) {
        found.set(event.eventId, event);
      }
    }
  }
  return [...found.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function parseLine(line: string): AuditLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<AuditLine> | null;
    return typeof value?.eventId === 'string' &&
      typeof value.releaseId === 'string' &&
      typeof value.at === 'string' &&
      typeof value.type === 'string'
      ? (value as AuditLine)
      : undefined;
  } catch {
    return undefined; // a torn or foreign line hides nothing else
  }
}
