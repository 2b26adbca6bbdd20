import { EventType } from '../engine/history.js';
import { type DurableApiContext, terminalStatuses } from './DurableApiContext.js';
import { badRequest, jsonBody } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';
import { restartInstance } from './startInstance.js';

/**
 * `POST instances/{id}/raiseEvent/{name}`. Checks in the extension's order: unknown instance
 * 404, ended 410, then the content 400.
 */
export function raiseEvent(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
  name: string,
): HostResponse {
  const row = ctx.engine.getInstance(id);
  if (row === undefined) return { status: 404 };
  if (terminalStatuses.has(row.status)) return { status: 410 };
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return badRequest('Only application/json request content is supported');
  const body = jsonBody(req);
  if (!body.ok) return badRequest('Invalid JSON content');
  if (/[/?#&]/.test(name))
    ctx.log(
      `warning: event name "${name}" contains / ? # or &, which DurableClient.raiseEvent cannot send intact`,
    );
  ctx.engine.raiseEvent(id, name, body.text);
  return { status: 202 };
}

/** `POST instances/{id}/{op}`: terminate, suspend, resume, restart or rewind; 404 otherwise. */
export function instanceOperation(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
  op: string,
): HostResponse | Promise<HostResponse> {
  const row = ctx.engine.getInstance(id);
  const reason = req.url.searchParams.get('reason');
  const types: Record<string, number> = {
    terminate: EventType.ExecutionTerminated,
    suspend: EventType.ExecutionSuspended,
    resume: EventType.ExecutionResumed,
  };
  const type = types[op];
  if (type === undefined) {
    if (op === 'restart') return restartInstance(ctx, req, id);
    if (op === 'rewind') return rewind(ctx, id, reason);
    return { status: 404 };
  }
  if (row === undefined) return { status: 404 };
  if (terminalStatuses.has(row.status)) return { status: 410 };
  ctx.engine.send(
    id,
    type,
    type === EventType.ExecutionTerminated ? { Input: reason } : { Reason: reason },
  );
  return { status: 202 };
}

/**
 * Rewinds a Failed instance (and its failed sub-orchestrations): 202. A Completed,
 * Terminated or Canceled instance answers 410; a running one is the extension's
 * InvalidOperationException, a 500.
 */
function rewind(ctx: DurableApiContext, id: string, reason: string | null): HostResponse {
  const row = ctx.engine.getInstance(id);
  if (row === undefined) return { status: 404 };
  if (row.status === 'Completed' || row.status === 'Terminated' || row.status === 'Canceled')
    return { status: 410 };
  if (row.status !== 'Failed')
    return {
      status: 500,
      body: {
        Message: 'Something went wrong while processing your request',
        ExceptionMessage:
          'The rewind operation is only supported on failed orchestration instances.',
      },
    };
  ctx.engine.rewind(id, reason ?? '');
  return { status: 202 };
}
