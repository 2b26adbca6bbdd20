import type { ClaimStore } from '../../azure/ports/index.js';
import { type ApiError, ConflictError } from '../http/ApiError.js';

/** A decision on a release, as the claim that made it win records it. */
export interface DecisionClaim {
  /** `approved`, `rejected`, `canceled`, `rollback` or `resumed`. */
  decision: string;
  by: string;
  at: string;
}

/**
 * What a decision that lost its slot is told: a subject (`Step 1 of release r1`, worded
 * `… was decided already: promoted by … at …`, with the winner as `decided`) or the whole
 * error, built from the decision that won.
 */
export type DecidedSubject = string | ((won: DecisionClaim) => ApiError);

/**
 * Compare-and-set for decisions: claims `slot` (e.g. `[releaseId, createdAt, 'approval',
 * stage]`: a stage waits for approval once per run of a release) for `claim`, then runs
 * `apply` (raises the event). Of concurrent decisions on one slot exactly one gets here; the
 * others throw ConflictError (409) naming the decision that won (`decided`; `subject` words
 * it). When `apply` fails the claim is given back, so a retry can win.
 * Returns a function that gives it back later (the decision turned out to change nothing).
 *
 * @example await decideOnce(claims, [id, createdAt, 'approval', 'staging'], claim, 'x', raise)
 */
export async function decideOnce(
  claims: ClaimStore,
  slot: readonly string[],
  claim: DecisionClaim,
  subject: DecidedSubject,
  apply: () => Promise<void>,
): Promise<() => Promise<void>> {
  const key = ['decisions', ...slot];
  const result = await claims.claim(key, { ...claim });
  if (!result.won) throw decidedAlready(subject, toDecision(result.record));
  try {
    await apply();
  } catch (error) {
    await claims.remove(key).catch(() => undefined);
    throw error;
  }
  return () => claims.remove(key);
}

/**
 * For a decision refused because the release moved on (no longer waiting, ended): throws the
 * 409 naming the decision that won `slot`, when one did; returns when none did (the caller
 * then gives its own refusal).
 */
export async function refuseIfDecided(
  claims: ClaimStore,
  slot: readonly string[],
  subject: DecidedSubject,
): Promise<void> {
  const won = await readDecided(claims, slot);
  if (won !== undefined) throw decidedAlready(subject, won);
}

/** The decision that won `slot`, or undefined when none did. */
export async function readDecided(
  claims: ClaimStore,
  slot: readonly string[],
): Promise<DecisionClaim | undefined> {
  const won = await claims.read(['decisions', ...slot]);
  return won === undefined ? undefined : toDecision(won);
}

/** A claim record as the decision it recorded (claims are written by {@link decideOnce}). */
function toDecision(won: Record<string, unknown>): DecisionClaim {
  const text = (v: unknown): string => (typeof v === 'string' ? v : 'unknown');
  return { decision: text(won['decision']), by: text(won['by']), at: text(won['at']) };
}

function decidedAlready(subject: DecidedSubject, won: DecisionClaim): ApiError {
  if (typeof subject !== 'string') return subject(won);
  const detail = `${subject} was decided already: ${won.decision} by ${won.by} at ${won.at}.`;
  return new ConflictError(detail, {
    decided: { decision: won.decision, by: won.by, at: won.at },
  });
}
