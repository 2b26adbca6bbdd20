/**
 * Sealing for orchestrator unit tests: inputs and scripted events are sealed as Slotpilot's
 * API (or a hook echoing its callback token) would send them, and the seal activities run the
 * real activity code with the same test key.
 */
import type {
  OrchestrationInputRef,
  VerifyEventSealInput,
  VerifyOrchestrationInputInput,
  VerifyOrchestrationInputOutput,
} from '../../../../src/activities/contracts.js';
import { sealOrchestrationInput } from '../../../../src/activities/sealOrchestrationInput.js';
import { verifyEventSeal } from '../../../../src/activities/verifyEventSeal.js';
import {
  checkOrchestrationInput,
  judgeStartClaim,
} from '../../../../src/activities/verifyOrchestrationInput.js';
import { hookCallbackToken, sealEvent, sealInput } from '../../../../src/domain/identity/index.js';
import { MemoryStartClaims } from './MemoryStartClaims.js';

/** The signing key of every orchestrator unit test. */
export const testSealKey = 'unit-test-seal-key';

/** The real `verifyEventSeal` activity over {@link testSealKey}. */
export const verifySeal = (input: VerifyEventSealInput): { valid: boolean } =>
  verifyEventSeal(testSealKey, input);

/**
 * The real `verifyOrchestrationInput` activity logic over {@link testSealKey}, claiming
 * top-level starts in `claims`.
 */
export function inputVerifier(
  claims: MemoryStartClaims = new MemoryStartClaims(),
): (input: VerifyOrchestrationInputInput) => Promise<VerifyOrchestrationInputOutput> {
  return async (input) => {
    const check = checkOrchestrationInput(testSealKey, input);
    if (check.kind === 'verdict') return check.output;
    return judgeStartClaim(check.claim, await claims.claimStart(check.claim));
  };
}

/** The real `sealOrchestrationInput` activity over {@link testSealKey}. */
export const sealChild = (input: OrchestrationInputRef): { seal: string } =>
  sealOrchestrationInput(testSealKey, input);

/**
 * An orchestration input as Slotpilot starts it (sealed for `name` at `instanceId`, started by
 * `parentInstanceId` when it is a sub-orchestration). Input
 * that is not an object, or already has a `seal` field (even undefined), is left as it is:
 * that is how tests start an orchestration the way an attacker would.
 */
export function startInput(
  name: string,
  instanceId: string,
  input: unknown,
  parentInstanceId?: string,
): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || 'seal' in input) {
    return input;
  }
  return sealInput(name, instanceId, input, testSealKey, parentInstanceId);
}

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
 * undefined) or a `token` are left exactly as they are: that is how tests forge one. Live
 * data (a function of the last custom status) is sealed when it is delivered.
 */
export function sealAll<E extends { name: string; data: unknown }>(
  instanceId: string,
  events: readonly E[],
): E[] {
  return events.map((e) => {
    const { data } = e;
    if (typeof data === 'function') {
      const live = data as (status: unknown) => unknown;
      return { ...e, data: (status: unknown) => sealData(instanceId, e.name, live(status)) };
    }
    return typeof data === 'object' && data !== null && 'token' in data
      ? e
      : { ...e, data: sealData(instanceId, e.name, data) };
  });
}
