import type { AuditStore, StartClaim } from '../../../../src/azure/ports/AuditStore.js';

/**
 * An in-memory `AuditStore.claimStart`: the first claim per instance and input key is kept
 * and returned to every later claimer, as the Blob adapter does. `failWith` makes every
 * claim throw (storage down); `claimSync` serves the synchronous fake orchestration.
 */
export class MemoryStartClaims implements Pick<AuditStore, 'claimStart'> {
  readonly claims = new Map<string, StartClaim>();
  failWith: Error | undefined;

  claimSync(claim: StartClaim): StartClaim {
    if (this.failWith !== undefined) throw this.failWith;
    const key = `${claim.instanceId}/${claim.inputKey}`;
    const found = this.claims.get(key);
    if (found !== undefined) return structuredClone(found);
    this.claims.set(key, structuredClone(claim));
    return claim;
  }

  claimStart(claim: StartClaim): Promise<StartClaim> {
    return Promise.resolve().then(() => this.claimSync(claim));
  }
}
