import type { AuditEvent } from '../ports/AuditStore.js';

/**
 * The audit events of a JSON-lines log, in file order. Lines that are not an event object
 * (blank, truncated, foreign) are skipped: the log is append-only and read for humans and
 * the release view, so one bad line must not hide the others.
 */
export function parseAuditLines(text: string): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<AuditEvent> | null;
      if (
        typeof value?.eventId === 'string' &&
        typeof value.releaseId === 'string' &&
        typeof value.at === 'string' &&
        typeof value.type === 'string'
      ) {
        events.push(value as AuditEvent);
      }
    } catch {
      // skipped: see above
    }
  }
  return events;
}
