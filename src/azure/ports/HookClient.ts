/** What Slotpilot POSTs to a gate hook (DESIGN §3). */
export interface HookRequest {
  releaseId: string;
  pipeline: string;
  stage: string;
  hook: string;
  image: string;
  digest: string;
  siteUrl: string;
  /**
   * Where a hook that answered 202 POSTs `{"status":"passed"|"failed","token":callbackToken,
   * "detail"?}` later: Slotpilot's `POST /api/hooks/{callbackId}` (no function key needed).
   */
  callbackUrl: string;
  /**
   * Proof a callback comes from this hook call: random, single use, expires with the hook's
   * timeout. The hook echoes it as `token`. Always set by Slotpilot's `callHook` (optional
   * only for callers that expect no callback).
   */
  callbackToken?: string;
}

/** A hook's immediate answer: a result now, or "running" (202) with the result to follow. */
export type HookAnswer =
  { kind: 'result'; status: 'passed' | 'failed'; detail: string } | { kind: 'running' };

/** Calls gate hooks. Hooks must tolerate a repeated call for the same release (at-least-once). */
export interface HookClient {
  /**
   * POSTs `request` as JSON to `url`. 2xx `{"status":"passed"|"failed"}` is a result; 202 is
   * `running` (the result arrives at `callbackUrl`). A non-2xx answer (but 429/503), an
   * unreadable body or no answer within `timeoutMs` is `failed` with the reason. Throws
   * RetryAfterError when the hook cannot be reached or answers 429/503 (Retry-After honoured).
   * `url` is a secret: errors and details name the hook and host only.
   */
  call(url: string, request: HookRequest, timeoutMs: number): Promise<HookAnswer>;
}
