import { clipFreeText } from '../../domain/text/freeText.js';
import type { HookAnswer } from '../ports/HookClient.js';

/**
 * The answer a hook gave with a 2xx status: 202 is "running" (the result comes through the
 * callback URL); otherwise the body must be `{"status":"passed"|"failed", "detail"?: string}`,
 * and anything else is a failed gate saying what arrived.
 */
export function readHookAnswer(hook: string, status: number, body: string): HookAnswer {
  if (status === 202) return { kind: 'running' };
  let parsed: unknown;
  try {
    parsed = body === '' ? undefined : (JSON.parse(body) as unknown);
  } catch {
    parsed = undefined;
  }
  const answer = parsed as { status?: unknown; detail?: unknown } | undefined;
  const detail = typeof answer?.detail === 'string' ? `: ${clipFreeText(answer.detail)}` : '';
  if (answer?.status === 'passed' || answer?.status === 'failed') {
    return {
      kind: 'result',
      status: answer.status,
      detail: `hook ${hook} ${answer.status}${detail}`,
    };
  }
  const got = body === '' ? 'an empty body' : `${JSON.stringify(body.slice(0, 80))}`;
  return {
    kind: 'result',
    status: 'failed',
    detail: `hook ${hook} answered ${status} without {"status":"passed"|"failed"}, got ${got}`,
  };
}
