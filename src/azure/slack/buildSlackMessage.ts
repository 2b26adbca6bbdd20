import type { Notification } from '../ports/Notifier.js';
import type { MrkdwnText, SlackBlock, SlackButton, SlackMessage } from './SlackMessage.js';

const ICON: Record<Notification['severity'], string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  critical: ':rotating_light:',
};

/** Slack's limits: header text 150 chars, section text 3000, field 2000, button URL 3000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const URL_MAX = 3000;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function mrkdwn(text: string, max = SECTION_MAX): MrkdwnText {
  return { type: 'mrkdwn', text: clip(text, max) };
}

/**
 * The Block Kit message for one release notification: a header `<icon> pipeline · stage ·
 * outcome`, the text, fields with the image and release id, and link buttons to the release's
 * console page; when it waits for an approval, a "Review and approve" button to that page
 * (which has the approval form) and a line naming the API's approve endpoint and the CLI
 * command, for those who approve from a terminal. `text` is the notification fallback
 * shown where blocks are not (push notifications, old clients).
 * Example header: `:rotating_light: pwbi-api · production · rolled back`.
 */
export function buildSlackMessage(n: Notification): SlackMessage {
  const stage = n.stage ?? 'release';
  const header = `${ICON[n.severity]} ${n.pipeline} · ${stage} · ${n.outcome}`;
  const buttons = [...linkButtons(n, stage), ...decisionButtons(n)];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(header, HEADER_MAX), emoji: true } },
    { type: 'section', text: mrkdwn(escapeMrkdwn(n.text)) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Image*\n\`${escapeMrkdwn(n.image)}\``, FIELD_MAX),
        mrkdwn(`*Release*\n${escapeMrkdwn(n.releaseId)}`, FIELD_MAX),
      ],
    },
    ...(buttons.length > 0 ? [{ type: 'actions' as const, elements: buttons }] : []),
    ...terminalApproval(n, stage),
    ...(n.severity === 'critical' ? [criticalNote()] : []),
  ];
  const fallback = `[${n.severity}] ${n.pipeline} ${stage}: ${n.outcome} — ${n.image} (${n.links.release})`;
  return { text: clip(fallback, SECTION_MAX), blocks };
}

/** "Open release", and "Review and approve" while it waits: both open the console page. */
function linkButtons(n: Notification, stage: string): SlackButton[] {
  if (n.links.release.length > URL_MAX) return [];
  const open: SlackButton = {
    type: 'button',
    action_id: 'slotpilot-open-release',
    text: { type: 'plain_text', text: 'Open release' },
    url: n.links.release,
  };
  if (n.links.approve === undefined) return [open];
  return [
    open,
    {
      type: 'button',
      action_id: 'slotpilot-approve',
      text: { type: 'plain_text', text: `Review and approve ${stage}` },
      url: n.links.release,
      style: 'primary',
    },
  ];
}

/** Approve and Reject in Slack itself: Slack posts them, signed, to POST /api/slack/interactions. */
function decisionButtons(n: Notification): SlackButton[] {
  if (n.links.approve === undefined || n.stage === undefined) return [];
  const value = (action: string): string =>
    JSON.stringify({ releaseId: n.releaseId, stage: n.stage, action });
  return [
    {
      type: 'button',
      action_id: 'slotpilot-decide-approve',
      text: { type: 'plain_text', text: 'Approve' },
      value: value('approve'),
      style: 'primary',
    },
    {
      type: 'button',
      action_id: 'slotpilot-decide-reject',
      text: { type: 'plain_text', text: 'Reject' },
      value: value('reject'),
      style: 'danger',
    },
  ];
}

/** While it waits for an approval: the CLI command and the API endpoint that approve it. */
function terminalApproval(n: Notification, stage: string): SlackBlock[] {
  if (n.links.approve === undefined) return [];
  const command = `npx slotpilot approve ${n.releaseId} --stage ${stage}`;
  return [
    {
      type: 'context',
      elements: [
        mrkdwn(
          `From a terminal: \`${escapeMrkdwn(command)}\` or POST ${escapeMrkdwn(n.links.approve)}`,
          FIELD_MAX,
        ),
      ],
    },
  ];
}

function criticalNote(): SlackBlock {
  return {
    type: 'context',
    elements: [mrkdwn(':rotating_light: Critical: sent to the critical channel')],
  };
}
