import type { IdentitySettings } from '../../domain/identity/index.js';
import { resolveIdentity } from '../../domain/identity/index.js';
import { UnauthorizedError } from './ApiError.js';

/** Who a manual start is recorded as when the caller holds only a function key. */
export const anonymousCaller = 'function-key';

/**
 * The caller's email when the request carries an identity, {@link anonymousCaller} when it
 * carries none; 401 when it carries one that cannot be trusted.
 */
export async function identifyCaller(
  headers: { get(name: string): string | null },
  settings: IdentitySettings,
): Promise<string> {
  const outcome = await resolveIdentity((name) => headers.get(name), settings);
  switch (outcome.kind) {
    case 'authenticated':
      return outcome.principal.email;
    case 'missing':
      return anonymousCaller;
    case 'invalid':
      throw new UnauthorizedError(`Identity not accepted: ${outcome.reason}.`);
  }
}
