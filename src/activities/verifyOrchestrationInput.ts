import { isSealedInput } from '../domain/identity/index.js';
import type { VerifyOrchestrationInputInput, VerifyOrchestrationInputOutput } from './contracts.js';

/**
 * Whether an orchestration's input was sealed by Slotpilot for that orchestrator and instance
 * (see `sealInput`): false for a start through the Durable HTTP API with the system key. The
 * result is recorded in history, so replay stays deterministic. Pure: never throws.
 */
export function verifyOrchestrationInput(
  sealKey: string,
  input: VerifyOrchestrationInputInput,
): VerifyOrchestrationInputOutput {
  return { valid: isSealedInput(input.name, input.instanceId, input.input, sealKey) };
}
