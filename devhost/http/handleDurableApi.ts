import type { Engine } from '../engine/Engine.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import type { DurableApiContext } from './DurableApiContext.js';
import { entityRoute } from './entityRoute.js';
import type { HostRequest, HostResponse } from './HostRequest.js';
import { instanceOperation, raiseEvent } from './instanceOperations.js';
import { instanceStatus } from './instanceStatus.js';
import { listInstances, purgeInstance, purgeInstances } from './listInstances.js';
import { startInstance } from './startInstance.js';

/**
 * The Durable HTTP management API (reference §4.1), mounted at `/runtime/webhooks/durabletask/`
 * and at the loopback `rpcBaseUrl` (`/durabletask/`). `segments` is the path after the mount.
 */
export class DurableApi {
  private readonly ctx: DurableApiContext;

  constructor(
    engine: Engine,
    registry: FunctionRegistry,
    hubName: string,
    code: () => string | undefined,
    log: (line: string) => void,
  ) {
    this.ctx = { engine, registry, hubName, code, log };
  }

  handle(req: HostRequest, segments: string[]): HostResponse | Promise<HostResponse> {
    const ctx = this.ctx;
    const [head, a, b, c, ...rest] = segments;
    if (head === 'orchestrators' && a !== undefined && c === undefined && req.method === 'POST')
      return startInstance(ctx, req, a, b);
    if (head === 'instances') {
      if ((a === undefined || a === '') && b === undefined) {
        if (req.method === 'GET') return listInstances(ctx, req);
        if (req.method === 'DELETE') return purgeInstances(ctx, req);
        return { status: 404 };
      }
      if (a === undefined) return { status: 404 };
      if (b === undefined) {
        if (req.method === 'GET') return instanceStatus(ctx, req, a);
        if (req.method === 'DELETE') return purgeInstance(ctx, a);
        return { status: 404 };
      }
      if (req.method !== 'POST') return { status: 404 };
      if (b.toLowerCase() === 'raiseevent' && c !== undefined && rest.length === 0)
        return raiseEvent(ctx, req, a, c);
      if (c === undefined) return instanceOperation(ctx, req, a, b.toLowerCase());
    }
    if (head === 'entities' && a !== undefined && a !== '' && c === undefined)
      return entityRoute(ctx, req, a, b);
    return { status: 404 };
  }
}
