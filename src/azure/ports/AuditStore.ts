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

/** One execution's claim on a sealed top-level orchestration input (see `AuditStore.claimStart`). */
export interface StartClaim {
  /** The orchestration instance id. */
  instanceId: string;
  /** Identifies the sealed input: SHA-256 (hex) of its seal, never the seal itself. */
  inputKey: string;
  /** Identifies one execution: the same on every replay and retry of it, different for another. */
  execution: string;
  /** Orchestrator name, for people reading the record. */
  orchestrator: string;
  /** ISO time the execution started (its first orchestration episode). */
  startedAt: string;
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
  /**
   * Claims a sealed input for one execution: the first claim for `instanceId` + `inputKey` is
   * stored (a conditional create, so of concurrent claimers exactly one wins) and returned;
   * every later claim gets that first claim back unchanged, whatever its `execution`, so the
   * caller compares. Idempotent. Throws ValidationError for an empty instance id or a key that
   * is not 64 hex digits, RetryAfterError when storage is throttled or unreachable.
   *
   * @example (await audit.claimStart(claim)).execution === claim.execution // this run owns it
   */
  claimStart(claim: StartClaim): Promise<StartClaim>;
}
