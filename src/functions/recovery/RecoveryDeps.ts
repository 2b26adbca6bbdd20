import type { ClaimStore } from '../../azure/ports/index.js';
import type { IdentitySettings } from '../../domain/identity/index.js';

/** What the recovery routes (rollback, resume) need, built once by the composition root. */
export interface RecoveryDeps {
  /** Platform auth and bearer token settings: both routes need an identity. */
  identity: IdentitySettings;
  /** Rollback and resume decisions are compare-and-set over these claims (see `decideOnce`). */
  claims: ClaimStore;
}
