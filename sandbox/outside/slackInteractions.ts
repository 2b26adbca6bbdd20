import { createHmac } from 'node:crypto';

/** A click on a button of a Slack message, as Slack delivers it to the app's Request URL. */
export interface SlackClickOptions {
  /** The app's interactivity Request URL (`…/api/slack/interactions`). */
  requestUrl: string;
  /** The Slack app's signing secret. */
  signingSecret: string;
  /** Who clicked: a Slack user id (`U…`) and name. */
  userId: string;
  userName?: string;
  /** The clicked button's `action_id` and `value`, as the message carried them. */
  actionId: string;
  value: string;
  /** Where Slack lets the app answer (replace or add to the message). */
  responseUrl: string;
  /** Seconds since the epoch Slack stamps the request with (default: now). */
  timestampSeconds?: number;
  /** Signs with this secret instead (a forged request). */
  signWith?: string;
}

/**
 * Plays Slack's side of Block Kit interactivity: posts a `block_actions` payload as
 * `application/x-www-form-urlencoded` `payload=<JSON>`, with `X-Slack-Request-Timestamp`
 * and `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}">`, as Slack does.
 */
export async function clickSlackButton(
  o: SlackClickOptions,
): Promise<{ status: number; body: string }> {
  const payload = {
    type: 'block_actions',
    user: { id: o.userId, username: o.userName ?? o.userId.toLowerCase() },
    api_app_id: 'A0SLOTPILOT',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.trigger`,
    team: { id: 'T0CONTOSO', domain: 'contoso' },
    channel: { id: 'C0RELEASES', name: 'releases' },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'slotpilot',
        value: o.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(o.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', o.signWith ?? o.signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const res = await fetch(o.requestUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}
