/** Why an orchestration started with an input Slotpilot did not seal ends at once. */
export const forgedStartReason = 'input not sealed by Slotpilot: started outside its API';

/**
 * Thrown by {@link requireSealedInput} when the orchestration's input is not sealed for it:
 * the orchestration ends Failed with this message and has done nothing but audit the refusal.
 */
export class ForgedStartError extends Error {
  override readonly name = 'ForgedStartError';

  constructor(readonly orchestrator: string) {
    super(`${orchestrator}: ${forgedStartReason}`);
  }
}
