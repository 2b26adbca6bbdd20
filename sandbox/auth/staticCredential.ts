import type { AccessToken, TokenCredential } from '@azure/core-auth';

/** The bearer token the sandbox hands out; the sandbox accepts any bearer token. */
export const SANDBOX_TOKEN = 'sandbox-token';

/** A TokenCredential that always returns {@link SANDBOX_TOKEN}, valid for an hour. */
export const staticCredential: TokenCredential = {
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({
      token: SANDBOX_TOKEN,
      expiresOnTimestamp: Date.now() + 3_600_000,
      tokenType: 'Bearer',
    }),
};
