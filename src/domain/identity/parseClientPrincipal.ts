import { normalizeEmail } from './normalizeEmail.js';

/** Claim types that carry the user's email or sign-in name, in order of preference. */
const emailClaimTypes = [
  'preferred_username',
  'email',
  'emails',
  'upn',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
];

interface Claim {
  typ: string;
  val: string;
}

/**
 * Reads the email of an App Service Authentication principal from the base64 JSON of the
 * `x-ms-client-principal` header (`{auth_typ, name_typ, role_typ, claims:[{typ, val}]}`).
 * Returns undefined when the header is unreadable or names no email-like claim. The caller
 * decides whether the header can be trusted at all (only when platform auth is enabled).
 */
export function parseClientPrincipal(headerValue: string): string | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(headerValue, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof decoded !== 'object' || decoded === null) return undefined;
  const record = decoded as { claims?: unknown; name_typ?: unknown };
  const claims = Array.isArray(record.claims) ? record.claims.filter(isClaim) : [];
  const preferred =
    typeof record.name_typ === 'string' ? [...emailClaimTypes, record.name_typ] : emailClaimTypes;
  for (const type of preferred) {
    const value = claims.find((c) => c.typ === type && c.val.includes('@'))?.val;
    if (value !== undefined) return normalizeEmail(value);
  }
  return undefined;
}

function isClaim(value: unknown): value is Claim {
  if (typeof value !== 'object' || value === null) return false;
  const claim = value as Record<string, unknown>;
  return typeof claim.typ === 'string' && typeof claim.val === 'string';
}
