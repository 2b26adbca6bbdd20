/** What Slotpilot POSTs to a gate hook (DESIGN §3). */
export interface HookRequest {
  releaseId: string;
  pipeline: string;
  stage: string;
  hook: string;
  image: string;
  digest: string;
  siteUrl: string;
  /** Where a hook that answered 202 POSTs `{"status":"passed"|"failed"}` later. */
  callbackUrl: string;
}

/** A hook's immediate answer: a result now, or "running" (202) with the result to follow. */
export type HookAnswer =
  { kind: 'result'; status: 'passed' | 'failed'; detail: string } | { kind: 'running' };

/** Calls gate hooks. Hooks must tolerate a repeated call for the same release (at-least-once). */
export interface HookClient {
  /** POSTs `request` to `url`; a non-2xx or unreadable answer is `failed` with the reason. Throws RetryAfterError on network failure or 429/503. */
  call(url: string, request: HookRequest, timeoutMs: number): Promise<HookAnswer>;
}
