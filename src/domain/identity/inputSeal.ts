import { isSealed, sealEvent } from './eventSeal.js';

/**
 * The seal "event name" of an orchestration input: no raise-event name Slotpilot seals has
 * this shape, so an event seal never verifies as an input seal, nor the other way round.
 */
function inputSealPurpose(orchestratorName: string): string {
  return `orchestration-input/${orchestratorName}`;
}

/**
 * Seals the input of an orchestration Slotpilot starts: returns `input` plus `seal`, an
 * HMAC-SHA256 (base64url, the `sealEvent` machinery) over `orchestratorName`, `instanceId`
 * and the canonical JSON of the input (its own `seal` left out). An input copied onto another
 * orchestrator or instance, or changed in any field, no longer verifies. `key` is
 * `SLOTPILOT_SIGNING_KEY`; an empty key throws (nothing could verify). Deterministic.
 *
 * @example sealInput('releasePipeline', 'pwbi-api-ab12', releaseInput, key)
 */
export function sealInput<T extends object>(
  orchestratorName: string,
  instanceId: string,
  input: T,
  key: string,
): T & { seal: string } {
  if (key === '') {
    throw new Error(
      'SLOTPILOT_SIGNING_KEY: expected a signing key to seal orchestration inputs, got an empty value',
    );
  }
  return sealEvent(instanceId, inputSealPurpose(orchestratorName), input, key);
}

/**
 * True when `input` carries a seal made by {@link sealInput} with `key` for exactly this
 * orchestrator name, instance id and input. False for anything else (no, malformed or wrong
 * seal, a changed field, another orchestrator or instance, not a JSON object, an empty key).
 * Constant-time comparison; never throws.
 */
export function isSealedInput(
  orchestratorName: string,
  instanceId: string,
  input: unknown,
  key: string,
): boolean {
  return isSealed(instanceId, inputSealPurpose(orchestratorName), input, key);
}
