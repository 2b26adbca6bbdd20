import type { FunctionRegistry, RegisteredFunction } from '../load/FunctionRegistry.js';
import { invokeFunction, type TypedData } from '../load/invokeFunction.js';
import type { AuthKeys } from './AuthKeys.js';
import { isAuthorized } from './AuthKeys.js';
import { type CompiledRoute, compileRoute } from './compileRoute.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

interface HttpRoute {
  fn: RegisteredFunction;
  route: CompiledRoute;
  methods: string[] | undefined;
  authLevel: string;
}

interface RpcCookie {
  name: string;
  value: string;
  domain?: { value: string };
  path?: { value: string };
  expires?: { value: { seconds: number } };
  secure?: { value: boolean };
  httpOnly?: { value: boolean };
  sameSite?: number | string;
  maxAge?: { value: number };
}

function cookieHeader(c: RpcCookie): string {
  let s = `${c.name}=${c.value}`;
  if (c.domain?.value !== undefined) s += `; domain=${c.domain.value}`;
  if (c.path?.value !== undefined) s += `; path=${c.path.value}`;
  if (c.expires?.value !== undefined)
    s += `; expires=${new Date(c.expires.value.seconds * 1000).toUTCString()}`;
  if (c.maxAge?.value !== undefined) s += `; max-age=${c.maxAge.value}`;
  if (c.secure?.value === true) s += '; secure';
  if (c.httpOnly?.value === true) s += '; httponly';
  const same = { 1: 'lax', 2: 'strict', 3: 'none' }[Number(c.sameSite) as 1 | 2 | 3];
  if (same !== undefined) s += `; samesite=${same}`;
  return s;
}

/** Turns the RPC http return value into a response; no value is an empty 204, as Functions 2.x+ answers. */
function toHostResponse(value: unknown): HostResponse {
  const http = (value as { http?: Record<string, unknown> } | undefined)?.http;
  if (http === undefined) return { status: 204 };
  const headers: Record<string, string | string[]> = {
    ...(http['headers'] as Record<string, string>),
  };
  const cookies = (http['cookies'] as RpcCookie[] | undefined) ?? [];
  if (cookies.length > 0) headers['Set-Cookie'] = cookies.map(cookieHeader);
  const body = http['body'] as { bytes?: Uint8Array; string?: string } | undefined;
  const status = Number(http['statusCode'] ?? 200);
  const noBody = status === 204 || status === 205 || status === 304;
  return { status, headers, body: noBody ? undefined : (body?.bytes ?? body?.string) };
}

/**
 * Serves HTTP-triggered functions under `/{routePrefix}/{route ?? name}`. A path that no
 * function matches, or a method it does not accept, gets the host's empty 404; a missing
 * or wrong key in strict mode gets an empty 401; a throwing function gets an empty 500.
 */
export class HttpTriggerRouter {
  private readonly routes: HttpRoute[];

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly routePrefix: string,
    private readonly keys: AuthKeys,
    private readonly inputsByType: () => Record<string, TypedData>,
    private readonly log: (line: string) => void,
  ) {
    this.routes = registry
      .byTrigger('httpTrigger')
      .map((fn) => {
        const methods = fn.trigger['methods'] as string[] | undefined;
        return {
          fn,
          route: compileRoute(
            typeof fn.trigger['route'] === 'string' ? fn.trigger['route'] : fn.name,
          ),
          methods: methods?.map((m) => m.toUpperCase()),
          authLevel:
            typeof fn.trigger['authLevel'] === 'string' ? fn.trigger['authLevel'] : 'function',
        };
      })
      .sort((a, b) => b.route.literalCount - a.route.literalCount);
  }

  /** The path below the route prefix, or undefined when `pathname` is outside it. */
  private relative(pathname: string): string | undefined {
    if (this.routePrefix === '') return pathname;
    const p = `/${this.routePrefix}`.toLowerCase();
    const lower = pathname.toLowerCase();
    if (lower === p) return '';
    return lower.startsWith(`${p}/`) ? pathname.slice(p.length + 1) : undefined;
  }

  /** Handles the request when it targets the route prefix; undefined otherwise. */
  async handle(req: HostRequest): Promise<HostResponse | undefined> {
    const rel = this.relative(req.url.pathname);
    if (rel === undefined) return undefined;
    for (const r of this.routes) {
      const params = r.route.match(rel);
      if (params === undefined) continue;
      if (r.methods !== undefined && !r.methods.includes(req.method)) continue;
      if (!isAuthorized(this.keys, r.authLevel, req, r.fn.name)) return { status: 401 };
      return this.invoke(r.fn, req, params);
    }
    return { status: 404 };
  }

  private async invoke(
    fn: RegisteredFunction,
    req: HostRequest,
    params: Record<string, string>,
  ): Promise<HostResponse> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.raw.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const query: Record<string, string> = {};
    for (const [k, v] of req.url.searchParams) query[k] = v;
    const trigger: TypedData = {
      http: {
        method: req.method,
        url: req.url.href,
        headers,
        query,
        params,
        body: { bytes: req.body },
      },
    };
    try {
      const value = await invokeFunction(
        this.registry,
        fn,
        { trigger, inputsByType: this.inputsByType() },
        this.log,
      );
      return toHostResponse(value);
    } catch (err) {
      this.log(`function "${fn.name}" failed: ${(err as Error).stack ?? String(err)}`);
      return { status: 500 };
    }
  }
}
