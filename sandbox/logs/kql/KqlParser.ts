import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { ParsedQuery } from './SyntaxTree.js';

/**
 * Microsoft's KQL parser and analyzer (`@kusto/language-service-next`) in a worker thread, so
 * its one-off warm-up (seconds) never blocks the sandbox's event loop. Idempotent `close()`.
 */
export class KqlParser {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (q: ParsedQuery) => void; reject: (e: Error) => void }
  >();
  private readonly warm: Promise<void>;

  constructor() {
    this.worker = startWorker(
      new URL(`./kqlWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
    );
    this.worker.unref();
    let warmed: () => void = () => undefined;
    this.warm = new Promise((r) => (warmed = r));
    this.worker.on('message', (msg: { id: number; result?: ParsedQuery; error?: string }) => {
      if (msg.id === -1) {
        warmed();
        return;
      }
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.result !== undefined) p?.resolve(msg.result);
      else p?.reject(new Error(msg.error ?? 'KQL parser failed'));
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
    this.worker.postMessage('warmup');
  }

  /** Resolves once the parser has loaded and parsed its first query. */
  ready(): Promise<void> {
    return this.warm;
  }

  /** Parses and analyzes `text` against `tables` (name → `(Col:type, …)`). */
  parse(text: string, tables: Record<string, string>): Promise<ParsedQuery> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, text, tables });
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Starts the worker; a TypeScript worker (run from source) first registers tsx in its thread. */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}
