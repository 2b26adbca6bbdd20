import type { ServerResponse } from 'node:http';

import type { ArmAuditEntry } from '../SandboxContext.js';

/** What a handler learned about a request, for its audit entry. */
export type RequestNotes = Partial<
  Pick<ArmAuditEntry, 'operation' | 'site' | 'slot' | 'digest' | 'fault'>
>;

const notes = new WeakMap<ServerResponse, RequestNotes>();

/** Adds to the audit notes of the request `res` answers (later notes win). */
export function noteRequest(res: ServerResponse, more: RequestNotes): void {
  notes.set(res, { ...notes.get(res), ...more });
}

/** The audit notes of the request `res` answered. */
export function notesOf(res: ServerResponse): RequestNotes {
  return notes.get(res) ?? {};
}
