import { ValidationError } from '../errors.js';
import { normalizeEmail } from './normalizeEmail.js';

/** The `iss` claim of every Slotpilot bearer token. */
export const tokenIssuer = 'slotpilot';

/** What a bearer token is issued for. */
export interface IssueTokenOptions {
  /** The user's email; becomes the `sub` claim. */
  user: string;
  /** The app setting `SLOTPILOT_SIGNING_KEY` (HS256 secret). */
  signingKey: string;
  /** How long the token is valid, in milliseconds. */
  ttlMs: number;
  /** Issue time in ms since the epoch (default: now). */
  nowMs?: number;
}

/**
 * Issues an HS256 bearer token `{sub: email, iss: 'slotpilot', iat, exp}` for the CLI and
 * local use. Throws ValidationError for a user that is not an email or an empty key.
 */
export async function issueToken(options: IssueTokenOptions): Promise<string> {
  const user = normalizeEmail(options.user);
  if (!/^[^\s@]+@[^\s@]+$/.test(user)) {
    throw new ValidationError('user', 'an email address', JSON.stringify(options.user));
  }
  if (options.signingKey === '') {
    throw new ValidationError('SLOTPILOT_SIGNING_KEY', 'a non-empty signing key', 'an empty one');
  }
  if (!(options.ttlMs > 0)) {
    throw new ValidationError('ttl', 'a positive duration', String(options.ttlMs));
  }
  const { SignJWT } = await import('jose');
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setIssuer(tokenIssuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.ceil(options.ttlMs / 1000))
    .sign(new TextEncoder().encode(options.signingKey));
}
