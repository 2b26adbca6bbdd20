import { tokenIssuer } from './issueToken.js';
import { normalizeEmail } from './normalizeEmail.js';
import type { IdentityOutcome } from './Principal.js';

/**
 * Verifies a Slotpilot bearer token (HS256 with `signingKey`, issuer `slotpilot`, not
 * expired, `sub` an email). Never throws: a bad token is an `invalid` outcome with the reason.
 */
export async function verifyToken(
  token: string,
  signingKey: string,
  nowMs?: number,
): Promise<IdentityOutcome> {
  if (signingKey === '') return { kind: 'invalid', reason: 'bearer tokens are not configured' };
  try {
    // jose loads on the first token check, not at cold start.
    const { jwtVerify } = await import('jose');
    const { payload } = await jwtVerify(token, new TextEncoder().encode(signingKey), {
      issuer: tokenIssuer,
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'iat'],
      ...(nowMs === undefined ? {} : { currentDate: new Date(nowMs) }),
    });
    const sub = payload.sub ?? '';
    if (!sub.includes('@')) return { kind: 'invalid', reason: 'token subject is not an email' };
    return { kind: 'authenticated', principal: { email: normalizeEmail(sub), via: 'token' } };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ERR_JWT_EXPIRED'
        ? 'token expired'
        : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
          ? 'token signature is invalid'
          : `token rejected (${error instanceof Error ? error.message : String(error)})`;
    return { kind: 'invalid', reason };
  }
}
