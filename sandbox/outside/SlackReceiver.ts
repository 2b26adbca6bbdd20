import type { IncomingMessage, ServerResponse } from 'node:http';

import { HttpError } from '../http/HttpError.js';
import { readBody } from '../http/readBody.js';

/** One message a Slack incoming webhook received. */
export interface SlackMessage {
  channel: string;
  at: number;
  body: unknown;
}

/**
 * A Slack incoming-webhook receiver: `POST /slack/<channel>` records the JSON body and answers
 * `200 ok` as text, as Slack does; a body that is not JSON gets Slack's `400 invalid_payload`.
 */
export class SlackReceiver {
  private readonly messages: SlackMessage[] = [];

  constructor(private readonly now: () => number) {}

  /** Handles a webhook POST whose path starts with `/slack`. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST')
      throw new HttpError(405, 'MethodNotAllowed', 'Slack webhooks take POST only.');
    const channel = decodeURIComponent(url.pathname.replace(/^\/slack\/?/i, '')) || 'default';
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
      return;
    }
    this.messages.push({ channel, at: this.now(), body });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  /** Messages received so far, oldest first, optionally for one channel. */
  list(channel?: string): SlackMessage[] {
    return this.messages.filter((m) => channel === undefined || m.channel === channel);
  }
}
