/**
 * Sealing for orchestrator unit tests: scripted events are sealed as Slotpilot's API (or a
 * hook echoing its callback token) would send them, and `verifyEventSeal` runs the real
 * activity code with the same test key.
 */
import type { VerifyEventSealInput } from '../../../../src/activities/contracts.js';
import { verifyEventSeal } from '../../../../src/activities/verifyEventSeal.js';
import { hookCallbackToken, sealEvent } from '../../../../src/domain/identity/index.js';

/** The signing key of every orchestrator unit test. */
export const testSealKey = 'unit-test-seal-key';

/** The real `verifyEventSeal` activity over {@link testSealKey}. */
export const verifySeal = (input: VerifyEventSealInput): { valid: boolean } =>
  verifyEventSeal(testSealKey, input);

/** An event's data as the real sender would raise it on `instanceId`. */
export function sealData(instanceId: string, name: string, data: unknown): unknown {
  if (typeof data !== 'object' || data === null || 'seal' in data || 'flush' in data) return data;
  if (name.startsWith('hook-')) {
    return { ...data, token: hookCallbackToken(instanceId, name, testSealKey) };
  }
  return sealEvent(instanceId, name, data, testSealKey);
}

/**
 * Seals each event for `instanceId`. Events whose data already has a `seal` field (even
 * undefined) or a `token` are left exactly as they are: that is how tests forge one.
 */
export function sealAll<E extends { name: string; data: unknown }>(
  instanceId: string,
  events: readonly E[],
): E[] {
  return events.map((e) =>
    typeof e.data === 'object' && e.data !== null && 'token' in e.data
      ? e
      : { ...e, data: sealData(instanceId, e.name, e.data) },
  );
}
