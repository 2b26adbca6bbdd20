import { isSealed, sealEvent } from './eventSeal.js';

/**
 * The seal "event name" of an orchestration input: no raise-event name Slotpilot seals has
 * this shape, so an event seal never verifies as an input seal, nor the other way round.
 */
function inputSealPurpose(orchestratorName: string, parentInstanceId: unknown): string {
  const purpose = `orchestration-input/${orchestratorName}`;
  // No parent (a top-level start) may arrive as undefined, null or '' depending on the host.
  return typeof parentInstanceId === 'string' && parentInstanceId !== ''
    ? `${purpose}/child-of/${parentInstanceId}`
    : purpose;
}

/**
 * Seals the input of an orchestration Slotpilot starts: returns `input` plus `seal`, an
 * HMAC-SHA256 (base64url, the `sealEvent` machinery) over `orchestratorName`, `instanceId`
 * and the canonical JSON of the input (its own `seal` left out). An input copied onto another
 * orchestrator or instance, or changed in any field, no longer verifies. A sub-orchestration's
 * input is also bound to `parentInstanceId`, so restarting a finished stage through the Durable
 * HTTP API (no parent) with its recorded input does not verify either. `key` is
 * `SLOTPILOT_SIGNING_KEY`; an empty key throws (nothing could verify). Deterministic.
 *
 * @example sealInput('releasePipeline', 'pwbi-api-ab12', releaseInput, key)
 */
export function sealInput<T extends object>(
  orchestratorName: string,
  instanceId: string,
  input: T,
  key: string,
  parentInstanceId?: string,
): T & { seal: string } {
  if (key === '') {
    throw new Error(
      'SLOTPILOT_SIGNING_KEY: expected a signing key to seal orchestration inputs, got an empty value',
    );
  }
  return sealEvent(instanceId, inputSealPurpose(orchestratorName, parentInstanceId), input, key);
}

/**
 * True when `input` carries a seal made by {@link sealInput} with `key` for exactly this
 * orchestrator name, instance id, parent instance (none for a top-level start) and input.
 * False for anything else (no, malformed or wrong seal, a changed field, another orchestrator,
 * instance or parent, not a JSON object, an empty key). Constant-time; never throws.
 */
export function isSealedInput(
  orchestratorName: string,
  instanceId: string,
  input: unknown,
  key: string,
  parentInstanceId?: string,
): boolean {
  return isSealed(instanceId, inputSealPurpose(orchestratorName, parentInstanceId), input, key);
}

/**
 * Why an orchestration refused its start (the failure message and the view say it):
 * `notSealed` — the input carries no valid seal for this orchestrator, instance and parent;
 * `alreadyRan` — the input is sealed, but an earlier execution of the same instance already
 * ran it (a finished top-level orchestration started again through the Durable HTTP API);
 * `unverified` — the check itself kept failing (e.g. storage unreachable), so the start is
 * refused rather than trusted.
 */
export const startRefusalReasons = {
  notSealed: 'input not sealed by Slotpilot: started outside its API',
  alreadyRan: 'sealed input already ran once: started again outside its API',
  unverified: 'input could not be verified (the check kept failing): start refused',
} as const;

/** A key of {@link startRefusalReasons}. */
export type StartRefusal = keyof typeof startRefusalReasons;
