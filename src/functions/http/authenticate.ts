import type { IdentitySettings, Principal } from '../../domain/identity/index.js';
import { resolveIdentity } from '../../domain/identity/index.js';
import { UnauthorizedError } from './ApiError.js';

/**
 * The caller of a request, or a 401: no identity at all, or one that cannot be trusted. A
 * forged `x-ms-client-principal` is ignored unless platform auth is enabled.
 */
export async function authenticate(
  headers: { get(name: string): string | null },
  settings: IdentitySettings,
): Promise<Principal> {
  const outcome = await resolveIdentity((name) => headers.get(name), settings);
  switch (outcome.kind) {
    case 'authenticated':
      return outcome.principal;
    case 'missing':
      throw new UnauthorizedError(
        'No identity: send "Authorization: Bearer <token>" (npx slotpilot token issue --user EMAIL) or sign in through App Service Authentication.',
      );
    case 'invalid':
      throw new UnauthorizedError(`Identity not accepted: ${outcome.reason}.`);
  }
}
