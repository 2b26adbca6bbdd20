import { isSealedInput } from '../domain/identity/index.js';
import type { VerifyOrchestrationInputInput, VerifyOrchestrationInputOutput } from './contracts.js';

/**
 * Whether an orchestration's input was sealed by Slotpilot for that orchestrator and instance
 * (and parent, for a sub-orchestration; see `sealInput`): false for a start through the
 * Durable HTTP API with the system key, or a finished stage restarted there. The
 * result is recorded in history, so replay stays deterministic. Pure: never throws.
 */
export function verifyOrchestrationInput(
  sealKey: string,
  input: VerifyOrchestrationInputInput,
): VerifyOrchestrationInputOutput {
  const { name, instanceId, parentInstanceId } = input;
  return { valid: isSealedInput(name, instanceId, input.input, sealKey, parentInstanceId) };
}
