import { z } from 'zod';

const buttonValue = z.object({
  releaseId: z.string().min(1).max(200),
  stage: z.string().min(1).max(100),
  action: z.enum(['approve', 'reject']),
});

const payload = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), username: z.string().optional() }),
  response_url: z.url().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

/** An Approve or Reject click from a Slotpilot approval request in Slack. */
export interface SlackClick {
  slackUserId: string;
  slackUserName?: string;
  releaseId: string;
  stage: string;
  action: 'approve' | 'reject';
  responseUrl?: string;
}

/**
 * Reads a Block Kit interaction (`payload=<JSON>`, form-encoded, as Slack posts it) into the
 * click it carries; undefined when it is not a click on a Slotpilot decision button.
 */
export function readInteraction(rawBody: string): SlackClick | undefined {
  const text = new URLSearchParams(rawBody).get('payload');
  if (text === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return undefined;
  const action = parsed.data.actions[0];
  if (action === undefined || !action.action_id.startsWith('slotpilot-decide-')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(action.value ?? '');
  } catch {
    return undefined;
  }
  const button = buttonValue.safeParse(value);
  if (!button.success) return undefined;
  return {
    slackUserId: parsed.data.user.id,
    ...(parsed.data.user.username === undefined
      ? {}
      : { slackUserName: parsed.data.user.username }),
    ...button.data,
    ...(parsed.data.response_url === undefined ? {} : { responseUrl: parsed.data.response_url }),
  };
}
