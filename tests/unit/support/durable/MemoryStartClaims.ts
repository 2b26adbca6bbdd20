import type { AuditStore, StartClaim } from '../../../../src/azure/ports/AuditStore.js';

/**
 * An in-memory `AuditStore.claimStart`: the first claim per instance and input key is kept
 * and returned to every later claimer, as the Blob adapter does. `failWith` makes every
 * claim fail (storage down).
 */
export class MemoryStartClaims implements Pick<AuditStore, 'claimStart'> {
  readonly claims = new Map<string, StartClaim>();
  failWith: Error | undefined;

  claimStart(claim: StartClaim): Promise<StartClaim> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    const key = `${claim.instanceId}/${claim.inputKey}`;
    const found = this.claims.get(key);
    if (found !== undefined) return Promise.resolve(structuredClone(found));
    this.claims.set(key, structuredClone(claim));
    return Promise.resolve(claim);
  }
}
