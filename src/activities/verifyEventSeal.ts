import { hasHookCallbackToken, isSealed } from '../domain/identity/index.js';
import type { VerifyEventSealInput, VerifyEventSealOutput } from './contracts.js';

/**
 * Whether a decision event an orchestration received was sealed by Slotpilot's API for that
 * instance and event name (see `sealEvent`); for a hook callback (`hook-<stage>-<hook>`),
 * whether it echoes the callback token `callHook` gave the hook. Orchestrators cannot do crypto; this result is
 * recorded in their history, so replay stays deterministic. Pure: no side effect, never throws.
 */
export function verifyEventSeal(
  sealKey: string,
  input: VerifyEventSealInput,
): VerifyEventSealOutput {
  const { instanceId, eventName, payload } = input;
  const valid = eventName.startsWith('hook-')
    ? hasHookCallbackToken(instanceId, eventName, payload, sealKey)
    : isSealed(instanceId, eventName, payload, sealKey);
  return { valid };
}
