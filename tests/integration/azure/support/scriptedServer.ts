import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server answering each request with the next scripted reply (for failure paths the sandbox does not model). */
export interface ScriptedServer {
  url: string;
  /** Bodies received, oldest first. */
  received: string[];
  close(): Promise<void>;
}

export type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export async function startScriptedServer(replies: Reply[]): Promise<ScriptedServer> {
  const received: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      const reply = replies.shift() ?? { status: 500, body: 'no more replies' };
      if (reply === 'hang') return;
      res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
