import type { ActivityDeps } from './ActivityDeps.js';
import type { RecordAuditInput } from './contracts.js';

/** Appends one audit event; the store writes each `eventId` once. */
export async function recordAudit(deps: ActivityDeps, input: RecordAuditInput): Promise<null> {
  await deps.audit.append(input);
  return null;
}
