import type { OrchestrationContext, Task } from 'durable-functions';

import { callActivity } from './callActivity.js';

/**
 * `input` plus the `seal` the `sealOrchestrationInput` activity made for orchestrator `name`
 * at `instanceId`: what an orchestrator passes to `callSubOrchestrator` (with that same
 * explicit instance id, `parentInstanceId` this instance) or `continueAsNew` (its own
 * instance id and parent). The seal is recorded in the history, so replay starts the child
 * with the same input. Throws ActivityError when the seal could not be made.
 */
export function* sealChildInput<T extends object>(
  context: OrchestrationContext,
  name: string,
  instanceId: string,
  input: T,
  parentInstanceId: string | undefined,
): Generator<Task, T & { seal: string }, unknown> {
  const { seal } = yield* callActivity(context, 'sealOrchestrationInput', {
    name,
    instanceId,
    // A top-level instance has no parent: undefined, null or '' depending on the host.
    ...(typeof parentInstanceId === 'string' && parentInstanceId !== ''
      ? { parentInstanceId }
      : {}),
    input,
  });
  return { ...input, seal };
}
