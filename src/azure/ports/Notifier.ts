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
  links: { release: string; approve?: string };
}

/** Slack incoming webhooks (Block Kit). Critical messages also go to the critical webhook. */
export interface Notifier {
  /** Sends one message; throws RetryAfterError on 429/5xx. Idempotent per `key` within a process. */
  notify(webhookUrl: string, notification: Notification): Promise<void>;
}
