/** One audit event of a release (append-only). */
export interface AuditEvent {
  /** Unique per event; writing the same id twice stores it once. */
  eventId: string;
  releaseId: string;
  pipeline: string;
  /** ISO time the orchestration decided it (from the orchestration clock). */
  at: string;
  type: string;
  stage?: string;
  actor?: string;
  detail?: Record<string, unknown>;
}

/**
 * The audit trail in Blob Storage: a JSON-lines append log per pipeline and day and one
 * record per release. Every write is conditional, so a retried activity never writes twice.
 */
export interface AuditStore {
  /** Appends `event` unless an event with the same id was already appended. */
  append(event: AuditEvent): Promise<void>;
  /** Replaces the release record (last writer wins; records carry a version to keep order). */
  putRelease(releaseId: string, record: Record<string, unknown>): Promise<void>;
  /** Reads a release record, or undefined. */
  getRelease(releaseId: string): Promise<Record<string, unknown> | undefined>;
  /** Events of one release in time order. */
  events(releaseId: string, pipeline: string): Promise<AuditEvent[]>;
}
