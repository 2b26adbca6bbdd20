import { type StartRefusal, startRefusalReasons } from '../../domain/identity/inputSeal.js';

/** Why an orchestration started with an input Slotpilot did not seal ends at once. */
export const forgedStartReason = startRefusalReasons.notSealed;

/**
 * Thrown by {@link requireSealedInput} when the orchestration's input is not sealed for it, or
 * is sealed but already ran in an earlier execution of the instance: the orchestration ends
 * Failed with this message and has done nothing but audit the refusal.
 */
export class ForgedStartError extends Error {
  override readonly name = 'ForgedStartError';

  constructor(
    readonly orchestrator: string,
    readonly refusal: StartRefusal = 'notSealed',
  ) {
    super(`${orchestrator}: ${startRefusalReasons[refusal]}`);
  }
}
