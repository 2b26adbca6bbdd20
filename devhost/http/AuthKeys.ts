import type { HostRequest } from './HostRequest.js';

/** Keys the host accepts. Only enforced in strict mode (Core Tools `--enableAuth`). */
export interface AuthKeys {
  strict: boolean;
  /** Accepted everywhere (function, admin and system levels). */
  master: string;
  /** The host's function key: accepted on every function-level route. */
  function: string;
  /**
   * One function's own key (as Azure keeps a `default` key per function), accepted on that
   * function's function-level routes only.
   */
  functionKeyOf(functionName: string): string;
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
 * Whether `req` may call a route of `level` ('anonymous' | 'function' | 'admin' | 'system'):
 * the master key anywhere; at function level also the host function key, or the key of
 * `functionName` (the function the route belongs to). Always true when keys are not enforced.
 */
export function isAuthorized(
  keys: AuthKeys,
  level: string,
  req: HostRequest,
  functionName?: string,
): boolean {
  if (!keys.strict) return true;
  const l = level.toLowerCase();
  if (l === 'anonymous') return true;
  const key = presentedKey(req);
  if (key === undefined) return false;
  if (key === keys.master) return true;
  if (l !== 'function') return false;
  return (
    key === keys.function ||
    (functionName !== undefined && key === keys.functionKeyOf(functionName))
  );
}
