import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the capture server received. */
export interface Captured {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A local HTTP server recording every POST (a fake Event Grid webhook or callback target). */
export async function startCaptureServer(status = 202): Promise<{
  url: string;
  received: Captured[];
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}> {
  const received: Captured[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: req.url ?? '/',
        headers: req.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      });
      res.writeHead(status).end();
      for (const w of waiters.filter((x) => received.length >= x.count)) w.resolve();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
