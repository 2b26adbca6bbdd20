import type { AccessToken, TokenCredential } from '@azure/core-auth';

/**
 * A credential that always returns the same bearer token, valid for an hour from each call.
 * For the sandbox only (it accepts any bearer token); never used on Azure.
 */
export function staticTokenCredential(token: string): TokenCredential {
  return {
    getToken: (): Promise<AccessToken> =>
      Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000, tokenType: 'Bearer' }),
  };
}
