/** A record in a {@link ClaimStore}: small JSON. */
export type ClaimRecord = Record<string, unknown>;

/** What a claim found: whether this call created it, and the record it holds (the winner's). */
export interface ClaimResult {
  won: boolean;
  record: ClaimRecord;
}

/**
 * Small records that are created once and survive restarts (Blob Storage): the atomic
 * "first one wins" behind compare-and-set decisions, and the hook callback records. A key is
 * a list of names (each non-empty, at most 200 characters); they cannot escape their folder.
 */
export interface ClaimStore {
  /**
   * Creates `key` holding `record` unless it exists (a conditional create: of concurrent
   * claimers exactly one wins). Returns whether this call created it and the stored record.
   * Throws ValidationError for a bad key, RetryAfterError when storage is throttled or
   * unreachable.
   *
   * @example (await claims.claim(['decisions', id, 'staging', since], { by })).won
   */
  claim(key: readonly string[], record: ClaimRecord): Promise<ClaimResult>;
  /** The record at `key`, or undefined. Read-only. */
  read(key: readonly string[]): Promise<ClaimRecord | undefined>;
  /** Deletes `key` (undoes a claim whose effect could not be applied). Idempotent. */
  remove(key: readonly string[]): Promise<void>;
}
