import { parseDuration } from '../../src/domain/duration.js';
import { issueToken } from '../../src/domain/identity/index.js';
import { readSigningKey } from '../readSigningKey.js';

/** `slotpilot token issue --user EMAIL [--ttl 1h]`: prints a signed bearer token. */
export async function tokenIssue(
  options: { user: string; ttl?: string },
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const ttlMs = parseDuration(options.ttl ?? '1h', 'ttl');
  return issueToken({ user: options.user, signingKey: readSigningKey(env), ttlMs });
}
