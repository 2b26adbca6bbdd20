import type { SlotpilotConfig } from '../../domain/config/index.js';
import { ValidationError } from '../../domain/errors.js';
import { normalizeEmail } from '../../domain/identity/normalizeEmail.js';
import type { ApiDeps } from '../ApiDeps.js';
import { ApiError, UnauthorizedError } from '../http/ApiError.js';
import { json } from '../http/json.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { decideStage } from '../releases/decideStage.js';
import { requestOrigin } from '../releases/requestOrigin.js';
import type { SlackClick } from './readInteraction.js';
import { verifySlackSignature } from './verifySlackSignature.js';

/** What the Slack route needs: the approval deps plus the signing secret. */
export type SlackDeps = Pick<ApiDeps, 'claims' | 'config' | 'slackSigningSecret'>;

/**
 * `POST /api/slack/interactions`: Approve and Reject clicks on an approval request in Slack
 * (Block Kit interactivity). Anonymous at the Functions level (Slack sends no function key):
 * Slack's request signature is the credential, checked first (`verifySlackSignature`);
 * anything unsigned, stale (over five minutes) or not matching is 401 and changes nothing.
 * The Slack user is mapped to an approver by `slack.users` in the config; then exactly the
 * API's policy and compare-and-set apply (`decideStage`). The answer updates the message in
 * place through the click's `response_url` (`replace_original`); a refusal is shown only to
 * the person who clicked and leaves the message as it was.
 */
export function slackInteractionHandler(deps: SlackDeps): ClientHttpHandler {
  return async (request, client, context) => {
    const raw = await request.text();
    const check = verifySlackSignature(
      {
        timestamp: request.headers.get('x-slack-request-timestamp'),
        signature: request.headers.get('x-slack-signature'),
      },
      raw,
      deps.slackSigningSecret ?? '',
      Date.now(),
    );
    if (check.kind !== 'valid') {
      throw new UnauthorizedError(`Not a signed Slack request (${check.kind}).`);
    }
    // The payload's zod schema loads with the first click, not at cold start.
    const { readInteraction } = await import('./readInteraction.js');
    const click = readInteraction(raw);
    if (click === undefined) {
      throw new ValidationError('payload', 'a Slotpilot Approve or Reject click', 'something else');
    }
    const actor = approverOf(deps.config, click.slackUserId);
    if (actor === undefined) {
      const text = `:no_entry: <@${click.slackUserId}> is not mapped to a Slotpilot approver (slack.users in slotpilot.yaml); nothing was recorded.`;
      await respond(click, { response_type: 'ephemeral', replace_original: false, text });
      return json(200, { text });
    }
    try {
      const { decision } = await decideStage(deps, client, {
        releaseId: click.releaseId,
        action: click.action,
        stage: click.stage,
        actor,
        note: `from Slack (${click.slackUserName ?? click.slackUserId})`,
        origin: requestOrigin(request.url),
      });
      const verb =
        decision.decision === 'approved' ? ':white_check_mark: Approved' : ':x: Rejected';
      const text = `${verb}: ${click.stage} of ${click.releaseId} by ${actor} at ${decision.at}`;
      context.log(
        `release ${click.releaseId}: ${click.stage} ${decision.decision} by ${actor} from Slack`,
      );
      await respond(click, {
        replace_original: true,
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      });
      return json(200, { text });
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof ValidationError)) throw error;
      const status = error instanceof ApiError ? error.status : 400;
      const text = `:no_entry: Not recorded (${status}): ${error.message}`;
      await respond(click, { response_type: 'ephemeral', replace_original: false, text });
      return json(200, { text, status });
    }
  };
}

function approverOf(config: SlotpilotConfig, slackUserId: string): string | undefined {
  const email = config.slack?.users[slackUserId];
  return email === undefined ? undefined : normalizeEmail(email);
}

/** Posts the answer to the click's response_url (Slack's way to update the message). */
async function respond(click: SlackClick, message: Record<string, unknown>): Promise<void> {
  if (click.responseUrl === undefined) return;
  const res = await fetch(click.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  await res.arrayBuffer();
}
