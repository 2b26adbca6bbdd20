import { randomBytes } from 'node:crypto';

import {
  hashCallbackToken,
  hookCallbackKey,
  type HookCallbackRecord,
  hookEventName,
} from '../domain/release/index.js';
import type { ActivityDeps } from './ActivityDeps.js';
import type { CallHookInput, CallHookOutput } from './contracts.js';
import { findHook } from './findConfig.js';

/** Longest an activity waits for a hook's synchronous answer; longer work must answer 202. */
const maxSyncWaitMs = 120_000;

/**
 * POSTs the gate request to the hook's URL (from config). Each call gets a random callback id
 * and token: `callbackUrl` is Slotpilot's `POST /api/hooks/{callbackId}` and the token goes
 * to the hook only (its SHA-256, with the release, stage, hook, waiting instance and expiry,
 * is kept in the claim store before the hook is called). A 202 answer is `running` with that
 * callback id. Hooks tolerate repeated calls; a retried call is a new hook call with its own
 * token.
 */
export async function callHook(deps: ActivityDeps, input: CallHookInput): Promise<CallHookOutput> {
  const hook = findHook(deps.config, input.pipeline, input.stage, input.hook);
  const site = await deps.appService.getSlot(input.target);
  const callbackId = randomBytes(16).toString('base64url');
  const token = randomBytes(32).toString('base64url');
  const record: HookCallbackRecord = {
    callbackId,
    releaseId: input.releaseId,
    pipeline: input.pipeline,
    stage: input.stage,
    hook: input.hook,
    instanceId: input.instanceId,
    eventName: hookEventName(input.stage, input.hook),
    tokenSha256: hashCallbackToken(token),
    expiresAt: new Date(Date.now() + input.timeoutMs).toISOString(),
  };
  await deps.claims.claim(hookCallbackKey(callbackId), { ...record });
  const answer = await deps.hooks.call(
    hook.url,
    {
      releaseId: input.releaseId,
      pipeline: input.pipeline,
      stage: input.stage,
      hook: input.hook,
      image: input.image,
      digest: input.digest,
      siteUrl: site.url,
      callbackUrl: `${deps.publicBaseUrl}/api/hooks/${callbackId}`,
      callbackToken: token,
    },
    Math.min(input.timeoutMs, maxSyncWaitMs),
  );
  return answer.kind === 'running' ? { kind: 'running', callbackId } : answer;
}
