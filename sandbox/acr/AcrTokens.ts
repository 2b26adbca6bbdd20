import { randomBytes } from 'node:crypto';

/** How long issued ACR tokens live (real time: the SDK compares `exp` with its own clock). */
const TOKEN_LIFETIME_MS = 3 * 3_600_000;

interface Issued {
  service: string;
  /** Granted `repository:<name>:<actions>` scopes (access tokens only). */
  scopes: string[];
  expiresAt: number;
}

/**
 * The sandbox registry's token service: refresh tokens (for an accepted AAD token) and access
 * tokens (for a refresh token and a scope). Both are random and only mean something to this
 * store. A refresh token is JWT-shaped because the SDK reads its `exp` claim; its signature is
 * random bytes, not a signature.
 */
export class AcrTokens {
  private readonly refresh = new Map<string, Issued>();
  private readonly access = new Map<string, Issued>();

  constructor(private readonly nowMs: () => number = () => Date.now()) {}

  /** Issues a refresh token for `service`. */
  issueRefresh(service: string): string {
    const expiresAt = this.nowMs() + TOKEN_LIFETIME_MS;
    const part = (value: object): string =>
      Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = [
      part({ alg: 'none', typ: 'JWT' }),
      part({
        jti: randomBytes(8).toString('hex'),
        sub: 'slotpilot-sandbox',
        aud: service,
        exp: Math.floor(expiresAt / 1000),
        grant_type: 'refresh_token',
      }),
      randomBytes(16).toString('base64url'),
    ].join('.');
    this.refresh.set(token, { service, scopes: [], expiresAt });
    return token;
  }

  /** Issues an access token for `scopes` when `refreshToken` is one of ours for `service`. */
  issueAccess(refreshToken: string, service: string, scopes: string[]): string | undefined {
    const issued = this.live(this.refresh, refreshToken);
    if (issued?.service !== service) return undefined;
    const token = randomBytes(24).toString('base64url');
    this.access.set(token, { service, scopes, expiresAt: this.nowMs() + TOKEN_LIFETIME_MS });
    return token;
  }

  /** Whether `accessToken` grants `action` on `repository`. */
  allows(accessToken: string, repository: string, action: string): boolean {
    const issued = this.live(this.access, accessToken);
    return (
      issued?.scopes.some((scope) => {
        const [type, name, actions] = splitScope(scope);
        return type === 'repository' && name === repository && actions.split(',').includes(action);
      }) ?? false
    );
  }

  private live(map: Map<string, Issued>, token: string): Issued | undefined {
    const issued = map.get(token);
    if (issued === undefined) return undefined;
    if (issued.expiresAt <= this.nowMs()) {
      map.delete(token);
      return undefined;
    }
    return issued;
  }
}

/** `repository:team/api:pull,metadata_read` → `['repository', 'team/api', 'pull,metadata_read']`. */
function splitScope(scope: string): [string, string, string] {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return [scope, '', ''];
  return [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1)];
}
