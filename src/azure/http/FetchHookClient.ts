import { RetryAfterError } from '../../domain/errors.js';
import { DEFAULT_RETRY_AFTER_MS, retryAfterMs } from '../errors/retryAfterMs.js';
import type { HookAnswer, HookClient, HookRequest } from '../ports/HookClient.js';
import { networkReason } from './FetchHttpProbe.js';
import { hostOf } from './joinUrl.js';
import { readHookAnswer } from './readHookAnswer.js';

/**
 * {@link HookClient} over Node's fetch: POSTs the request as JSON with an AbortSignal timeout.
 * - 2xx `{"status":"passed"|"failed"}` → a result; 202 → running (result via callback);
 * - 429/503 and failures to connect → RetryAfterError (Retry-After honoured);
 * - any other status, an unreadable body, or no answer within `timeoutMs` → failed, with the
 *   reason (the hook's timeout is its gate deadline).
 * Hook URLs are secrets: messages name the hook and the host only.
 */
export class FetchHookClient implements HookClient {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  async call(url: string, request: HookRequest, timeoutMs: number): Promise<HookAnswer> {
    const where = `hook ${request.hook} (${hostOf(url)})`;
    let res: Response;
    let body: string;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'slotpilot' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.text();
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return {
          kind: 'result',
          status: 'failed',
          detail: `${where} gave no answer within ${timeoutMs} ms`,
        };
      }
      throw new RetryAfterError(
        `${where} could not be reached: ${networkReason(err)}`,
        DEFAULT_RETRY_AFTER_MS,
        {
          cause: err,
        },
      );
    }
    if (res.status === 429 || res.status === 503) {
      const after = retryAfterMs((name) => res.headers.get(name));
      throw new RetryAfterError(`${where} answered ${res.status} (retry after ${after} ms)`, after);
    }
    if (res.status < 200 || res.status > 299) {
      return { kind: 'result', status: 'failed', detail: `${where} answered ${res.status}` };
    }
    return readHookAnswer(request.hook, res.status, body);
  }
}
