/** Who is calling, as far as Slotpilot trusts it. */
export interface Principal {
  /** The caller's email address, lower-cased; compared with approver lists. */
  email: string;
  /** `platform`: App Service Authentication vouched for it; `token`: a Slotpilot bearer token. */
  via: 'platform' | 'token';
}

/**
 * The outcome of reading a request's identity: a principal, no identity at all, or an
 * identity that was offered but could not be trusted (bad signature, expired, unreadable).
 */
export type IdentityOutcome =
  | { kind: 'authenticated'; principal: Principal }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };
