import { NonRetryableError, RetryAfterError } from '../../domain/errors.js';
import { DEFAULT_RETRY_AFTER_MS, retryAfterMs } from '../errors/retryAfterMs.js';
import { networkReason } from '../http/FetchHttpProbe.js';
import { hostOf } from '../http/joinUrl.js';
import type { Notification, Notifier } from '../ports/Notifier.js';
import { buildSlackMessage } from './buildSlackMessage.js';

/** Options of {@link SlackNotifier}. */
export interface SlackNotifierOptions {
  fetch?: typeof fetch;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** How many sent keys to remember for dedupe; default 10 000. */
  rememberKeys?: number;
}

/**
 * {@link Notifier} over Slack incoming webhooks with Block Kit ({@link buildSlackMessage}).
 * The caller chooses the webhook (the critical one for critical messages). A key already sent
 * to the same webhook by this process is skipped. 429 and 5xx (and failures to connect) throw
 * RetryAfterError; other 4xx (`invalid_payload`, `no_service`, …) throw NonRetryableError.
 * Webhook URLs are secrets: messages name the host only.
 */
export class SlackNotifier implements Notifier {
  private readonly sent = new Set<string>();
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly rememberKeys: number;

  constructor(options: SlackNotifierOptions = {}) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.rememberKeys = options.rememberKeys ?? 10_000;
  }

  async notify(webhookUrl: string, notification: Notification): Promise<void> {
    const dedupe = `${webhookUrl}\n${notification.key}`;
    if (this.sent.has(dedupe)) return;
    const where = `Slack webhook (${hostOf(webhookUrl)})`;
    let res: Response;
    let body: string;
    try {
      res = await this.fetchImpl(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(buildSlackMessage(notification)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await res.text();
    } catch (err) {
      throw new RetryAfterError(
        `${where} could not be reached: ${networkReason(err)}`,
        DEFAULT_RETRY_AFTER_MS,
        {
          cause: err,
        },
      );
    }
    if (res.status === 429 || res.status >= 500) {
      const after = retryAfterMs((name) => res.headers.get(name));
      throw new RetryAfterError(
        `${where} answered ${res.status} ${body.slice(0, 100)}`.trim(),
        after,
      );
    }
    if (res.status < 200 || res.status > 299) {
      throw new NonRetryableError(`${where} answered ${res.status}: ${body.slice(0, 200)}`);
    }
    this.remember(dedupe);
  }

  private remember(key: string): void {
    this.sent.add(key);
    if (this.sent.size > this.rememberKeys) {
      const oldest = this.sent.values().next();
      if (oldest.done !== true) this.sent.delete(oldest.value);
    }
  }
}
