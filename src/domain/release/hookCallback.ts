import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * What Slotpilot keeps about one hook call that answered "running" (202), so that its callback
 * (`POST /api/hooks/{callbackId}`) can be checked after any restart. Holds the SHA-256 of the
 * callback token, never the token: the token exists only in the request to the hook.
 */
export interface HookCallbackRecord {
  /** Random id of this hook call; the last segment of its `callbackUrl`. */
  callbackId: string;
  releaseId: string;
  pipeline: string;
  stage: string;
  hook: string;
  /** The stage sub-orchestration that waits for the result. */
  instanceId: string;
  /** The event the result is raised as (`hookEventName(stage, hook)`). */
  eventName: string;
  /** SHA-256 (hex) of the callback token. */
  tokenSha256: string;
  /** ISO time the token stops being accepted (the call plus the hook's timeout). */
  expiresAt: string;
}

/** Claim-store key of a hook call's {@link HookCallbackRecord}. */
export function hookCallbackKey(callbackId: string): string[] {
  return ['hook-callbacks', callbackId];
}

/** Claim-store key created by the one callback that used a token (single use). */
export function hookCallbackUseKey(callbackId: string): string[] {
  return ['hook-callbacks', callbackId, 'used'];
}

/** SHA-256 (hex) of a callback token. */
export function hashCallbackToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is `tokenSha256`, compared in constant time. */
export function callbackTokenMatches(token: string, tokenSha256: string): boolean {
  const expected = Buffer.from(tokenSha256, 'hex');
  const actual = Buffer.from(hashCallbackToken(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
