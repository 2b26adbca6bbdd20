import { parseClientPrincipal } from './parseClientPrincipal.js';
import type { IdentityOutcome } from './Principal.js';
import { verifyToken } from './verifyToken.js';

/** What the identity check needs from the app settings, read once at startup. */
export interface IdentitySettings {
  /** `WEBSITE_AUTH_ENABLED === 'true'`: App Service Authentication fronts the app. */
  platformAuthEnabled: boolean;
  /** `SLOTPILOT_SIGNING_KEY`; empty disables bearer tokens. */
  signingKey: string;
}

/** Reads one request header by (case-insensitive) name. */
export type HeaderLookup = (name: string) => string | null | undefined;

/**
 * Who made a request. The platform principal (`x-ms-client-principal`) is trusted only when
 * App Service Authentication is enabled; otherwise anyone could forge the header, so it is
 * ignored and the bearer token decides. No principal and no token is `missing`.
 */
export async function resolveIdentity(
  header: HeaderLookup,
  settings: IdentitySettings,
  nowMs?: number,
): Promise<IdentityOutcome> {
  if (settings.platformAuthEnabled) {
    const principalHeader = header('x-ms-client-principal');
    if (principalHeader) {
      const email = parseClientPrincipal(principalHeader);
      if (email === undefined) {
        return { kind: 'invalid', reason: 'x-ms-client-principal names no email claim' };
      }
      return { kind: 'authenticated', principal: { email, via: 'platform' } };
    }
  }
  const authorization = header('authorization');
  if (!authorization) return { kind: 'missing' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match?.[1] === undefined) {
    return { kind: 'invalid', reason: 'Authorization header is not "Bearer <token>"' };
  }
  return verifyToken(match[1], settings.signingKey, nowMs);
}
