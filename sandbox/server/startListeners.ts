import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { HttpError } from '../http/HttpError.js';
import { sendJson } from '../http/sendJson.js';
import type { ArmAuditEntry } from '../SandboxContext.js';
import { notesOf } from './requestNotes.js';
import type { Route } from './Route.js';

/** The sandbox's two listeners: TLS (for endpoint overrides) and plain HTTP (rewriting client, admin, Slack, hooks). */
export interface Listeners {
  httpsOrigin: string;
  httpOrigin: string;
  close(): Promise<void>;
}

/**
 * Starts both listeners on 127.0.0.1 over the same routes. `httpsPort` 0 picks a free port.
 * Every ARM call is appended to `audit` once answered, with the request ids the client sent
 * and what its handler noted ({@link notesOf}: operation, site, slot, digest, fault).
 */
export async function startListeners(
  routes: Route[],
  tls: { key: string; cert: string } | undefined,
  httpsPort: number,
  audit: ArmAuditEntry[],
  now: () => number,
): Promise<Listeners> {
  const make =
    (publicArm: string | undefined, publicLogs: string | undefined) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const own = `${(req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
      const base = { arm: publicArm ?? own, logs: publicLogs ?? `${own}/v1` };
      const path = url.pathname.replace(/\/{2,}/g, '/');
      url.pathname = path;
      const route = routes.find((r) => path.toLowerCase().startsWith(r.prefix));
      if (route?.audited === true) {
        const at = now();
        const header = (name: string): string | undefined => {
          const value = req.headers[name];
          return typeof value === 'string' && value !== '' ? value : undefined;
        };
        const clientRequestId = header('x-ms-client-request-id');
        const sentCorrelation = header('x-ms-correlation-request-id');
        res.on('finish', () => {
          const answered = res.getHeader('x-ms-correlation-request-id');
          const correlationId =
            sentCorrelation ?? (typeof answered === 'string' ? answered : undefined);
          audit.push({
            method: req.method ?? 'GET',
            path,
            at,
            status: res.statusCode,
            ...notesOf(res),
            ...(clientRequestId !== undefined && { clientRequestId }),
            ...(correlationId !== undefined && { correlationId }),
          });
        });
      }
      const handle =
        route?.handle ??
        (() => Promise.reject(new HttpError(404, 'NotFound', `No sandbox route for ${path}.`)));
      handle(req, res, url, base).catch((err: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (err instanceof HttpError) {
          sendJson(res, err.status, err.body, err.headers);
          return;
        }
        sendJson(res, 500, {
          error: { code: 'InternalServerError', message: (err as Error).message },
        });
      });
    };
  const servers: Server[] = [];
  const plain = createHttpServer(
    make('https://management.azure.com', 'https://api.loganalytics.io/v1'),
  );
  servers.push(plain);
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const httpOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  let httpsOrigin = '';
  if (tls !== undefined) {
    const secure = createHttpsServer({ key: tls.key, cert: tls.cert }, make(undefined, undefined));
    servers.push(secure);
    await new Promise<void>((resolve, reject) => {
      secure.once('error', reject);
      secure.listen(httpsPort, '127.0.0.1', resolve);
    });
    httpsOrigin = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  }
  return {
    httpsOrigin,
    httpOrigin,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
