import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a request is not from Slack, or `valid`. */
export type SlackSignatureCheck =
  | { kind: 'valid' }
  | { kind: 'unsigned' }
  | { kind: 'stale'; ageSeconds: number }
  | { kind: 'mismatch' }
  | { kind: 'noSecret' };

/** Slack's replay window: a request timestamp more than five minutes off is refused. */
const maxSkewSeconds = 300;

/**
 * Slack request signing: `X-Slack-Signature` must be `v0=` + hex HMAC-SHA256 of
 * `v0:{X-Slack-Request-Timestamp}:{raw body}` keyed with the app's signing secret, compared
 * in constant time, and the timestamp within five minutes of `nowMs`. Pure but for the hash.
 *
 * @example verifySlackSignature({ timestamp, signature }, rawBody, secret, Date.now())
 */
export function verifySlackSignature(
  headers: { timestamp: string | null; signature: string | null },
  rawBody: string,
  signingSecret: string,
  nowMs: number,
): SlackSignatureCheck {
  if (signingSecret === '') return { kind: 'noSecret' };
  const { timestamp, signature } = headers;
  if (timestamp === null || signature === null || !/^\d{1,12}$/.test(timestamp))
    return { kind: 'unsigned' };
  const ageSeconds = Math.abs(nowMs / 1000 - Number(timestamp));
  if (ageSeconds > maxSkewSeconds) return { kind: 'stale', ageSeconds: Math.round(ageSeconds) };
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { kind: 'mismatch' };
  return { kind: 'valid' };
}
