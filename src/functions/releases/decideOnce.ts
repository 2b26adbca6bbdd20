import type { ClaimStore } from '../../azure/ports/index.js';
import { ConflictError } from '../http/ApiError.js';

/** A decision on a release, as the claim that made it win records it. */
export interface DecisionClaim {
  /** `approved`, `rejected`, `canceled`, `rollback` or `resumed`. */
  decision: string;
  by: string;
  at: string;
}

/**
 * Compare-and-set for decisions: claims `slot` (e.g. `[releaseId, 'approval', stage,
 * waitingSince]`) for `claim`, then runs `apply` (raises the event). Of concurrent decisions
 * on one slot exactly one gets here; the others throw ConflictError (409) naming the decision
 * that won (`decided`). When `apply` fails the claim is given back, so a retry can win.
 * Returns a function that gives it back later (the decision turned out to change nothing).
 *
 * @example await decideOnce(claims, [id, 'approval', 'staging', since], claim, 'Staging of x', raise)
 */
export async function decideOnce(
  claims: ClaimStore,
  slot: readonly string[],
  claim: DecisionClaim,
  subject: string,
  apply: () => Promise<void>,
): Promise<() => Promise<void>> {
  const key = ['decisions', ...slot];
  const result = await claims.claim(key, { ...claim });
  if (!result.won) {
    const won = result.record;
    const text = (v: unknown): string => (typeof v === 'string' ? v : 'unknown');
    throw new ConflictError(
      `${subject} was decided already: ${text(won['decision'])} by ${text(won['by'])} at ${text(won['at'])}.`,
      { decided: { decision: won['decision'], by: won['by'], at: won['at'] } },
    );
  }
  try {
    await apply();
  } catch (error) {
    await claims.remove(key).catch(() => undefined);
    throw error;
  }
  return () => claims.remove(key);
}
