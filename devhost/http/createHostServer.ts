import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { Engine } from '../engine/Engine.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import { invokeFunction, type TypedData } from '../load/invokeFunction.js';
import { type AuthKeys, isAuthorized } from './AuthKeys.js';
import type { DurableApi } from './handleDurableApi.js';
import { handleEventGrid } from './handleEventGrid.js';
import type { HttpTriggerRouter } from './handleHttpTrigger.js';
import type { HostRequest, HostResponse } from './HostRequest.js';
import { sendResponse } from './HostRequest.js';
import { BodyTooLargeError, readBody } from './readBody.js';

/** What the server routes to; filled in once the app has loaded. */
export interface HostRoutes {
  registry: FunctionRegistry;
  engine: Engine;
  keys: AuthKeys;
  triggers: HttpTriggerRouter;
  durable: DurableApi;
  inputsByType: () => Record<string, TypedData>;
  log: (line: string) => void;
  maxBodyBytes: number;
  /** Time control for out-of-process tests (`/admin/devhost/advance?ms=`, `/admin/devhost/settle`). */
  control: { advance(ms: number): Promise<void>; settle(): Promise<void> };
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function segmentsAfter(pathname: string, mount: string): string[] | undefined {
  const lower = pathname.toLowerCase();
  if (lower !== mount && !lower.startsWith(`${mount}/`)) return undefined;
  const rest = pathname.slice(mount.length + 1);
  return rest === '' ? [] : rest.split('/').map((s) => decodeURIComponent(s));
}

async function route(r: HostRoutes, req: HostRequest): Promise<HostResponse> {
  const path = req.url.pathname;
  if (path.toLowerCase().replace(/\/+$/, '') === '/runtime/webhooks/eventgrid') {
    return handleEventGrid(r.registry, r.keys, req, r.inputsByType, r.log);
  }
  const webhook = segmentsAfter(path, '/runtime/webhooks/durabletask');
  if (webhook !== undefined) {
    if (!isAuthorized(r.keys, 'system', req)) return { status: 401 };
    return r.durable.handle(req, webhook);
  }
  const rpc = segmentsAfter(path, '/durabletask');
  if (rpc !== undefined) {
    if (!loopback.has(req.raw.socket.remoteAddress ?? '')) return { status: 403 };
    // No side door: in strict mode the loopback mount needs the system key too.
    if (!isAuthorized(r.keys, 'system', req)) return { status: 401 };
    return r.durable.handle(req, rpc);
  }
  const admin = segmentsAfter(path, '/admin/functions');
  if (admin !== undefined && admin.length === 1 && req.method === 'POST') {
    if (!isAuthorized(r.keys, 'admin', req)) return { status: 401 };
    const fn = r.registry.find(admin[0] ?? '');
    if (fn === undefined) return { status: 404 };
    let input: unknown;
    try {
      input = (JSON.parse(req.body.toString('utf8') || '{}') as { input?: unknown }).input;
    } catch {
      return { status: 400, body: { Message: 'Invalid JSON content' } };
    }
    void invokeFunction(
      r.registry,
      fn,
      {
        trigger: { string: typeof input === 'string' ? input : JSON.stringify(input ?? null) },
        inputsByType: r.inputsByType(),
      },
      r.log,
    ).catch((err: unknown) => r.log(`function "${fn.name}" failed: ${(err as Error).message}`));
    return { status: 202 };
  }
  return (await r.triggers.handle(req)) ?? { status: 404 };
}

/** `POST /admin/devhost/advance?ms=N` (virtual clock) and `POST /admin/devhost/settle`; admin key in strict mode. */
async function handleControl(
  r: HostRoutes,
  raw: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
  const req = {
    url,
    header: (n: string) => raw.headers[n.toLowerCase()] as string | undefined,
  } as HostRequest;
  raw.resume();
  if (raw.method !== 'POST') return sendResponse(res, { status: 404 });
  if (!isAuthorized(r.keys, 'admin', req)) return sendResponse(res, { status: 401 });
  try {
    const op = url.pathname.toLowerCase().slice('/admin/devhost/'.length);
    if (op === 'settle') await r.control.settle();
    else if (op === 'advance') {
      const ms = Number(url.searchParams.get('ms'));
      if (!(ms >= 0)) {
        return sendResponse(res, {
          status: 400,
          body: { Message: `ms: expected a number >= 0, got "${url.searchParams.get('ms')}"` },
        });
      }
      await r.control.advance(ms);
    } else return sendResponse(res, { status: 404 });
    sendResponse(res, { status: 200, body: { nowMs: r.engine.clockNow() } });
  } catch (err) {
    sendResponse(res, { status: 400, body: { Message: (err as Error).message } });
  }
}

/**
 * The host's one HTTP server: HTTP triggers under the route prefix, the Event Grid webhook,
 * the Durable management API (public webhook and loopback RPC mounts) and the admin invoke
 * endpoint. Requests count as in-flight work for virtual time. Handler errors become an
 * empty 500; the server itself never throws.
 */
export function createHostServer(routes: Promise<HostRoutes>): Server {
  const handler = async (raw: IncomingMessage, res: ServerResponse): Promise<void> => {
    let r: HostRoutes;
    try {
      r = await routes;
    } catch {
      sendResponse(res, { status: 503 });
      return;
    }
    const path = (raw.url ?? '/').split('?')[0]?.toLowerCase() ?? '/';
    if (path.startsWith('/admin/devhost/')) {
      // Not tracked as in-flight work: it waits for the host to go idle.
      await handleControl(r, raw, res);
      return;
    }
    await r.engine.track(async () => {
      try {
        const url = new URL(raw.url ?? '/', `http://${raw.headers.host ?? '127.0.0.1'}`);
        const body = await readBody(raw, r.maxBodyBytes);
        const req: HostRequest = {
          raw,
          res,
          method: (raw.method ?? 'GET').toUpperCase(),
          url,
          body,
          header: (name) => {
            const v = raw.headers[name.toLowerCase()];
            return Array.isArray(v) ? v.join(', ') : v;
          },
        };
        sendResponse(res, await route(r, req));
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          sendResponse(res, { status: 413, headers: { Connection: 'close' } });
          return;
        }
        if (err instanceof URIError) {
          sendResponse(res, {
            status: 400,
            body: { Message: 'Malformed percent-encoding in the path' },
          });
          return;
        }
        r.log(`request failed: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) sendResponse(res, { status: 500 });
        else res.destroy();
      }
    });
  };
  return createServer((req, res) => void handler(req, res));
}
