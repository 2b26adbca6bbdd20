/** One Slack message about a release step. */
export interface Notification {
  /** Dedupe key: the same key is sent at most once per process (best effort across retries). */
  key: string;
  pipeline: string;
  releaseId: string;
  stage?: string;
  /** Short outcome, e.g. `deployed`, `waiting for approval`, `rolled back`. */
  outcome: string;
  severity: 'info' | 'success' | 'warning' | 'critical';
  image: string;
  text: string;
  links: {
    /** The release's page in the web console (where people click through to). */
    release: string;
    /** The API's approve endpoint (a keyed POST), when the release waits for an approval. */
    approve?: string;
  };
}

/**
 * Slack incoming webhooks (Block Kit). The caller picks the webhook: critical messages are also
 * sent, by the caller, to the pipeline's critical webhook.
 */
export interface Notifier {
  /**
   * Sends one message. Idempotent per (`webhookUrl`, `key`) within a process: a key already
   * delivered to that webhook is skipped. Throws RetryAfterError on 429/5xx or when Slack cannot
   * be reached, NonRetryableError on other 4xx (`invalid_payload`, `no_service`, …).
   * `webhookUrl` is a secret: errors name its host only.
   */
  notify(webhookUrl: string, notification: Notification): Promise<void>;
}
