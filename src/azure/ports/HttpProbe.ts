/** The outcome of one HTTP probe. */
export interface ProbeResult {
  /** True when the status matched what was expected. */
  ok: boolean;
  /** HTTP status, or 0 when no response arrived (refused, timed out). */
  status: number;
  latencyMs: number;
  /** With `expectBody`: whether the response body contains it (an app's version endpoint). */
  bodyMatches?: boolean;
  /** Why it failed, for humans (no secrets). */
  detail: string;
}

/** Plain HTTP GET probes of a site (health, smoke, warm-up). Read-only, so idempotent. */
export interface HttpProbe {
  /**
   * GETs `baseUrl + path`; never throws for HTTP or network failures (see `ok`, `status`).
   * With `expectBody`, also says whether the body contains that text (`bodyMatches`).
   */
  probe(
    baseUrl: string,
    path: string,
    options: { timeoutMs: number; expectStatus?: number; expectBody?: string },
  ): Promise<ProbeResult>;
}
