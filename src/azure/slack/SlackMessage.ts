/** A Slack incoming-webhook payload: Block Kit blocks and the plain `text` fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The Block Kit blocks Slotpilot sends (a subset of Slack's). */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: MrkdwnText; fields?: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: SlackButton[] };

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

/** A link button (opens `url`; Slack sends no interaction payload to an incoming webhook app). */
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: PlainText;
  url?: string;
  /** For interactive buttons: what Slack posts back to `POST /api/slack/interactions`. */
  value?: string;
  style?: 'primary' | 'danger';
}
