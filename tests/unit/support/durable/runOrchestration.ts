/**
 * Runs a Slotpilot orchestrator on the fake durable runtime ({@link runDurable}) the way
 * Slotpilot starts and feeds it: the input sealed for the orchestrator and instance, external
 * events sealed for the instance as the API raises them, activities failing with the retry
 * advice in their message as the registered activities do, and the real
 * `verifyOrchestrationInput`, `sealOrchestrationInput` and `verifyEventSeal` activities (test
 * key) unless the script replaces them.
 */
import { encodeActivityFailure } from '../../../../src/domain/release/index.js';
import type { ActivityHandler, DurableRun, DurableScript } from './DurableScript.js';
import type { MemoryStartClaims } from './MemoryStartClaims.js';
import { type Orchestrator, runDurable } from './runDurable.js';
import { inputVerifier, sealAll, sealChild, startInput, verifySeal } from './seals.js';

/** A {@link DurableScript} plus how Slotpilot started the instance. */
export interface Script extends DurableScript {
  /**
   * The orchestrator name the input is sealed for (default: the generator function's name).
   * The input is sealed as Slotpilot would start it unless it has a `seal` field already
   * (even undefined): that is how a test starts it the way an attacker would.
   */
  orchestratorName?: string;
  /**
   * Where top-level starts claim their sealed input (default: a fresh store per run). Share
   * one between runs to start the same instance again.
   */
  startClaims?: MemoryStartClaims;
}

/**
 * Runs `orchestrator` over `input` as instance `instanceId` until it returns or throws.
 * Events are sealed for `instanceId` unless their data has a `seal` field (even undefined),
 * a hook `token` or a `flush` marker: that is how a test forges one.
 */
export function runOrchestration<T>(
  orchestrator: Orchestrator<T>,
  input: unknown,
  script: Script = {},
  instanceId = 'release-1',
): Promise<DurableRun<T>> {
  const name = script.orchestratorName ?? orchestrator.name;
  const sealed = startInput(name, instanceId, input, script.parentInstanceId);
  const activities: Record<string, ActivityHandler> = {
    verifyOrchestrationInput: inputVerifier(script.startClaims),
    sealOrchestrationInput: sealChild,
    verifyEventSeal: verifySeal,
    ...script.activities,
  };
  const registered = Object.fromEntries(
    Object.entries(activities).map(([activity, handler]) => [activity, asRegistered(handler)]),
  );
  return runDurable(
    orchestrator,
    sealed,
    { ...script, activities: registered, events: sealAll(instanceId, script.events ?? []) },
    instanceId,
  );
}

/** The handler as Slotpilot registers an activity: a failure carries its retry advice. */
function asRegistered(handler: ActivityHandler): ActivityHandler {
  return async (input, call, raise) => {
    try {
      return await handler(input, call, raise);
    } catch (error) {
      throw new Error(encodeActivityFailure(error), { cause: error });
    }
  };
}
