import type { ClaimRecord, ClaimResult, ClaimStore } from '../../../src/azure/ports/index.js';

/** An in-memory {@link ClaimStore}: first claim per key wins; `records` is inspectable. */
export class MemoryClaimStore implements ClaimStore {
  readonly records = new Map<string, ClaimRecord>();

  claim(key: readonly string[], record: ClaimRecord): Promise<ClaimResult> {
    const name = key.join('/');
    const stored = this.records.get(name);
    if (stored !== undefined) return Promise.resolve({ won: false, record: stored });
    this.records.set(name, record);
    return Promise.resolve({ won: true, record });
  }

  read(key: readonly string[]): Promise<ClaimRecord | undefined> {
    return Promise.resolve(this.records.get(key.join('/')));
  }

  remove(key: readonly string[]): Promise<void> {
    this.records.delete(key.join('/'));
    return Promise.resolve();
  }
}
