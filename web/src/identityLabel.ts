/** Pure wording of "who you are" in the console's header (display only; the API decides). */
import { tokenUser } from './token.js';

/** What the console knows about the connection's identity. */
export interface IdentityFacts {
  /** The bearer token the user entered ('' for none). */
  token: string;
  /** Whether the app says App Service Authentication is on (`/api/health`). */
  platformAuth: boolean;
  /** The signed-in user from `/.auth/me`, when platform auth is on and it answered. */
  platformUser?: string;
}

/**
 * `token for EMAIL` (from the token's unverified payload), `signed in as USER` (App Service
 * Authentication), or what is missing.
 */
export function identityLabel(facts: IdentityFacts): string {
  if (facts.token !== '') {
    const user = tokenUser(facts.token);
    return user === undefined ? 'token (unreadable payload)' : `token for ${user}`;
  }
  if (facts.platformAuth) {
    return facts.platformUser === undefined
      ? 'signed in through App Service Authentication'
      : `signed in as ${facts.platformUser}`;
  }
  return 'function key only (no identity: actions will be refused)';
}

/** The `user_id` of an App Service Authentication `/.auth/me` answer, if it names one. */
export function readAuthMe(body: unknown): string | undefined {
  const first: unknown = Array.isArray(body) ? body[0] : undefined;
  const id = (first as { user_id?: unknown } | undefined)?.user_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
