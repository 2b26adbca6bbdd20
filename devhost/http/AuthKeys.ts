import type { HostRequest } from './HostRequest.js';

/** Keys the host accepts. Only enforced in strict mode (Core Tools `--enableAuth`). */
export interface AuthKeys {
  strict: boolean;
  /** Accepted everywhere (function, admin and system levels). */
  master: string;
  /** Accepted on function-level routes. */
  function: string;
}

/**
 * The presented key: `code` query parameter, else the `x-functions-key` header, else the
 * password of Basic authorization (how the durable client's `rpcBaseUrl` carries it).
 */
function presentedKey(req: HostRequest): string | undefined {
  const key = req.url.searchParams.get('code') ?? req.header('x-functions-key');
  if (key !== undefined && key !== null) return key;
  const basic = /^Basic\s+(\S+)$/i.exec(req.header('authorization') ?? '');
  if (basic?.[1] === undefined) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Whether `req` may call a route of `level` ('anonymous' | 'function' | 'admin' | 'system').
 * Always true when keys are not enforced.
 */
export function isAuthorized(keys: AuthKeys, level: string, req: HostRequest): boolean {
  if (!keys.strict) return true;
  const l = level.toLowerCase();
  if (l === 'anonymous') return true;
  const key = presentedKey(req);
  if (key === undefined) return false;
  if (key === keys.master) return true;
  return l === 'function' && key === keys.function;
}
