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
  /**
   * Appends `event` unless an event with the same id was already appended (exactly once per
   * `eventId`, also across retries that stopped midway). Throws ValidationError for a bad `at`
   * or an empty pipeline/release/event id, RetryAfterError when storage is throttled,
   * unreachable, or another attempt is writing the same event right now.
   */
  append(event: AuditEvent): Promise<void>;
  /**
   * Replaces the release record. Without a numeric `version` the last writer wins; with one,
   * a record never replaces a newer or equal version (conditional writes), so retries and
   * out-of-order writers are harmless.
   */
  putRelease(releaseId: string, record: Record<string, unknown>): Promise<void>;
  /** Reads a release record, or undefined. */
  getRelease(releaseId: string): Promise<Record<string, unknown> | undefined>;
  /** Events of one release in time order (by `at`), each once. Read-only. */
  events(releaseId: string, pipeline: string): Promise<AuditEvent[]>;
}
