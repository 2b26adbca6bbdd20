import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Clock } from '../../shared/clock/index.js';
import { HttpError } from '../http/HttpError.js';
import { readBody } from '../http/readBody.js';
import type { HookBehaviour } from '../scenario/Scenario.js';

/** One call a gate hook received. */
export interface HookCall {
  name: string;
  at: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the caller sent
}

/**
 * Gate hook endpoints (`POST /hooks/<name>`). Per name: `pass`/`fail` answer 200
 * `{"status":"passed"|"failed"}`; `hang` answers 202 and never calls back; `callback-pass` /
 * `callback-fail` answer 202 and POST the result to the body's `callbackUrl` after `delayMs` of
 * sandbox time, echoing the body's `callbackToken` as `token` (as a real hook integration must). Unconfigured names pass. Every call is recorded.
 */
export class HookEndpoints {
  private readonly calls: HookCall[] = [];
  private readonly behaviours = new Map<string, { behaviour: HookBehaviour; delayMs: number }>();
  private readonly pending = new AbortController();

  constructor(
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {}

  /** Sets how `name` behaves from now on. */
  set(name: string, behaviour: HookBehaviour, delayMs = 30_000): void {
    this.behaviours.set(name, { behaviour, delayMs });
  }

  /** Handles a POST whose path starts with `/hooks`. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST')
      throw new HttpError(405, 'MethodNotAllowed', 'Hooks take POST only.');
    const name = decodeURIComponent(url.pathname.replace(/^\/hooks\/?/i, ''));
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      throw new HttpError(
        400,
        'BadRequest',
        `body: expected JSON, got ${JSON.stringify(text.slice(0, 80))}`,
      );
    }
    this.calls.push({ name, at: this.clock.now(), body });
    const { behaviour, delayMs } = this.behaviours.get(name) ?? {
      behaviour: 'pass' as const,
      delayMs: 0,
    };
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    switch (behaviour) {
      case 'pass':
        json(200, { status: 'passed' });
        return;
      case 'fail':
        json(200, { status: 'failed' });
        return;
      case 'hang':
        json(202, { status: 'running' });
        return;
      case 'callback-pass':
      case 'callback-fail': {
        const callbackUrl = (body as { callbackUrl?: unknown }).callbackUrl;
        if (typeof callbackUrl !== 'string') {
          throw new HttpError(
            400,
            'BadRequest',
            `callbackUrl: expected a URL string, got ${JSON.stringify(callbackUrl)}`,
          );
        }
        const token = (body as { callbackToken?: unknown }).callbackToken;
        json(202, { status: 'running' });
        this.callBack(
          name,
          callbackUrl,
          { status: behaviour === 'callback-pass' ? 'passed' : 'failed', token },
          delayMs,
        );
        return;
      }
      default: {
        const never: never = behaviour;
        throw new Error(`hook behaviour: unexpected ${String(never)}`);
      }
    }
  }

  /** Calls so far, oldest first, optionally for one hook name. */
  list(name?: string): HookCall[] {
    return this.calls.filter((c) => name === undefined || c.name === name);
  }

  /** Cancels every scheduled callback. */
  stop(): void {
    this.pending.abort(new Error('sandbox stopped'));
  }

  private callBack(
    name: string,
    callbackUrl: string,
    result: { status: 'passed' | 'failed'; token: unknown },
    delayMs: number,
  ): void {
    const { status } = result;
    const signal = this.pending.signal;
    void this.clock
      .sleepUntil(this.clock.now() + delayMs, signal)
      .then(() =>
        fetch(callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(result),
          signal,
        }),
      )
      .then(
        (r) => this.log(`hook ${name}: callback ${status} -> ${r.status}`),
        (err: unknown) =>
          this.log(`hook ${name}: callback not delivered (${(err as Error).message})`),
      );
  }
}
