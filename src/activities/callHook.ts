import type { HookAnswer } from '../azure/ports/index.js';
import { hookEventName } from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { CallHookInput } from './contracts.js';
import type { DurableOps } from './DurableOps.js';
import { findHook } from './findConfig.js';

/** Longest an activity waits for a hook's synchronous answer; longer work must answer 202. */
const maxSyncWaitMs = 120_000;

/**
 * POSTs the gate request to the hook's URL (from config). A 202 answer is `running`: the
 * hook later POSTs its result to `callbackUrl`, the raise-event URL of
 * `hookEventName(stage, hook)` on the waiting instance, echoing `callbackToken` as `token`
 * (made here, so it never enters durable history). Hooks tolerate repeated calls.
 */
export async function callHook(
  deps: ActivityDeps,
  durable: DurableOps,
  input: CallHookInput,
): Promise<HookAnswer> {
  const hook = findHook(deps.config, input.pipeline, input.stage, input.hook);
  const site = await deps.appService.getSlot(input.target);
  const eventName = hookEventName(input.stage, input.hook);
  return deps.hooks.call(
    hook.url,
    {
      releaseId: input.releaseId,
      pipeline: input.pipeline,
      stage: input.stage,
      hook: input.hook,
      image: input.image,
      digest: input.digest,
      siteUrl: site.url,
      callbackUrl: durable.raiseEventUrl(input.instanceId, eventName),
    },
    Math.min(input.timeoutMs, maxSyncWaitMs),
  );
}
