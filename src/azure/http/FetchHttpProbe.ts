import type { HttpProbe, ProbeResult } from '../ports/HttpProbe.js';
import { hostOf, joinUrl } from './joinUrl.js';

/** The most of a body read to look for `expectBody` (a version endpoint answers briefly). */
const maxBodyChars = 64 * 1024;

/**
 * {@link HttpProbe} over Node's fetch: one GET with an AbortSignal timeout, following
 * redirects. `ok` is `status === expectStatus`, or any 2xx when none is given. Which image an
 * app serves is never read from a response header (real apps send none): only an app's own
 * version endpoint says it, through `expectBody`. Never throws
 * for HTTP or network failures (status 0 then); `detail` names host and path only.
 */
export class FetchHttpProbe implements HttpProbe {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  async probe(
    baseUrl: string,
    path: string,
    options: { timeoutMs: number; expectStatus?: number; expectBody?: string },
  ): Promise<ProbeResult> {
    const url = joinUrl(baseUrl, path);
    const target = `GET ${hostOf(url)}${path.startsWith('/') ? path : `/${path}`}`;
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    try {
      const res = await this.fetchImpl(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: '*/*', 'user-agent': 'slotpilot-probe' },
      });
      // Read the body so the connection is reused or closed, and count it in the latency.
      const body = await res.text().catch(() => '');
      const latencyMs = elapsed();
      const ok =
        options.expectStatus === undefined
          ? res.status >= 200 && res.status < 300
          : res.status === options.expectStatus;
      const bodyMatches =
        options.expectBody === undefined
          ? undefined
          : body.slice(0, maxBodyChars).includes(options.expectBody);
      const expected = options.expectStatus === undefined ? '2xx' : String(options.expectStatus);
      return {
        ok,
        status: res.status,
        latencyMs,
        ...(bodyMatches === undefined ? {} : { bodyMatches }),
        detail: `${target} → ${res.status} in ${latencyMs} ms${ok ? '' : ` (expected ${expected})`}`,
      };
    } catch (err) {
      const latencyMs = elapsed();
      const reason =
        err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
          ? `no answer within ${options.timeoutMs} ms`
          : networkReason(err);
      return { ok: false, status: 0, latencyMs, detail: `${target} failed: ${reason}` };
    }
  }
}

/** A short reason for a fetch failure (undici puts the errno in `cause.code`). */
export function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}
