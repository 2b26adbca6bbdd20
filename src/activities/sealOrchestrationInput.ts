import { sealInput } from '../domain/identity/index.js';
import type { SealOrchestrationInputInput, SealOrchestrationInputOutput } from './contracts.js';

/**
 * The seal an orchestration puts on the input of an orchestration it starts (sub-orchestration,
 * continue-as-new): `sealInput` over the name, the instance id actually used and the input.
 * Orchestrators cannot do crypto; this result is recorded in their history, so replay stays
 * deterministic. Pure and deterministic; throws only without a signing key.
 */
export function sealOrchestrationInput(
  sealKey: string,
  input: SealOrchestrationInputInput,
): SealOrchestrationInputOutput {
  const body = (
    typeof input.input === 'object' && input.input !== null ? input.input : {}
  ) as Record<string, unknown>;
  const { name, instanceId, parentInstanceId } = input;
  return { seal: sealInput(name, instanceId, body, sealKey, parentInstanceId).seal };
}
