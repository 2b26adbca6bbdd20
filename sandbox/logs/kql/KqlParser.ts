import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { ParsedQuery } from './SyntaxTree.js';

/** How many distinct parsed queries are kept. */
const CACHE_SIZE = 200;

type Pending = { resolve: (q: ParsedQuery) => void; reject: (e: Error) => void };

/**
 * Microsoft's KQL parser and analyzer (`@kusto/language-service-next`) in a worker thread, so
 * its one-off warm-up (seconds of CPU) never blocks the sandbox's event loop. The worker starts
 * on the first `parse` or `warmUp`; `close()` is idempotent.
 */
export class KqlParser {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private warm: Promise<void> | undefined;
  private readonly cache = new Map<string, Promise<ParsedQuery>>();

  /** Starts the worker (if needed) and resolves once it has parsed its first query. */
  warmUp(): Promise<void> {
    this.start();
    return this.warm ?? Promise.resolve();
  }

  /**
   * Parses and analyzes `text` against `tables` (name → `(Col:type, …)`). Results are kept for
   * the last {@link CACHE_SIZE} distinct queries (parsed trees are never mutated).
   */
  parse(text: string, tables: Record<string, string>): Promise<ParsedQuery> {
    const key = `${JSON.stringify(tables)}\n${text}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const worker = this.start();
    const id = this.nextId++;
    const result = new Promise<ParsedQuery>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, tables });
    });
    this.cache.set(key, result);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? key);
    result.catch(() => this.cache.delete(key));
    return result;
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) await w.terminate();
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = startWorker(
      new URL(`./kqlWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
    );
    this.worker = worker;
    worker.unref();
    let warmed: () => void = () => undefined;
    this.warm = new Promise((r) => (warmed = r));
    worker.on('message', (msg: { id: number; result?: ParsedQuery; error?: string }) => {
      if (msg.id === -1) {
        warmed();
        return;
      }
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.result !== undefined) p?.resolve(msg.result);
      else p?.reject(new Error(msg.error ?? 'KQL parser failed'));
    });
    const fail = (err: Error): void => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.cache.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`KQL parser worker exited (${code})`)));
    worker.postMessage('warmup');
    return worker;
  }
}

/** Starts the worker; a TypeScript worker (run from source) first registers tsx in its thread. */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}
