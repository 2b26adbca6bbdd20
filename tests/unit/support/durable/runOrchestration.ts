/**
 * Runs a Slotpilot orchestrator on the fake durable runtime ({@link runDurable}) the way
 * Slotpilot starts and feeds it: activities failing with the retry advice in their message,
 * as the registered activities do.
 */
import { encodeActivityFailure } from '../../../../src/domain/release/index.js';
import type { ActivityHandler, DurableRun, DurableScript } from './DurableScript.js';
import { type Orchestrator, runDurable } from './runDurable.js';

/** A {@link DurableScript} for one orchestration run. */
export type Script = DurableScript;

/** Runs `orchestrator` over `input` as instance `instanceId` until it returns or throws. */
export function runOrchestration<T>(
  orchestrator: Orchestrator<T>,
  input: unknown,
  script: Script = {},
  instanceId = 'release-1',
): Promise<DurableRun<T>> {
  const registered = Object.fromEntries(
    Object.entries(script.activities ?? {}).map(([activity, handler]) => [
      activity,
      asRegistered(handler),
    ]),
  );
  return runDurable(orchestrator, input, { ...script, activities: registered }, instanceId);
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
