import { randomUUID } from 'node:crypto';

import { sleepReal } from '../../shared/clock/sleepReal.js';
import { InstanceConflictError, instanceIdProblem } from '../engine/createInstance.js';
import { toInstanceStatus } from '../engine/statusPayload.js';
import { clientData } from './clientData.js';
import { type DurableApiContext, terminalStatuses } from './DurableApiContext.js';
import { badRequest, flag, jsonBody } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';
import { instanceStatus } from './instanceStatus.js';

/** `POST orchestrators/{name}[/{id}]`: starts an orchestration (see {@link checkStatusOrWait}). */
export function startInstance(
  ctx: DurableApiContext,
  req: HostRequest,
  fnName: string,
  id: string | undefined,
): HostResponse | Promise<HostResponse> {
  const fn = ctx.registry.find(fnName);
  if (fn?.trigger.type.toLowerCase() !== 'orchestrationtrigger') {
    return badRequest(
      `The function '${fnName}' doesn't exist, is disabled, or is not an orchestrator function.`,
    );
  }
  const body = jsonBody(req);
  if (!body.ok) return badRequest('Invalid JSON content');
  const instanceId = id ?? randomUUID().replace(/-/g, '');
  const problem = instanceIdProblem(instanceId);
  if (problem !== undefined) return badRequest(problem);
  try {
    ctx.engine.start(
      fn.name,
      instanceId,
      body.text,
      req.url.searchParams.get('version') ?? undefined,
    );
  } catch (err) {
    if (err instanceof InstanceConflictError)
      return { status: 500, body: { Message: err.message } };
    throw err;
  }
  return checkStatusOrWait(ctx, req, instanceId);
}

/**
 * `POST instances/{id}/restart`: starts the instance again with its original input: under a
 * new id by default, or under the same id (`restartWithNewInstanceId=false`, only once it has
 * ended).
 */
export function restartInstance(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
): HostResponse | Promise<HostResponse> {
  const row = ctx.engine.getInstance(id);
  if (row === undefined)
    return {
      status: 400,
      body: {
        Message: 'InstanceId does not match a valid orchestration instance.',
        ExceptionMessage: `An orchestrastion with the instanceId ${id} was not found.`,
      },
    };
  const newId = flag(req, 'restartWithNewInstanceId', true) ? randomUUID().replace(/-/g, '') : id;
  try {
    ctx.engine.start(row.name, newId, row.input);
  } catch (err) {
    if (err instanceof InstanceConflictError) return badRequest(err.message);
    throw err;
  }
  return checkStatusOrWait(ctx, req, newId);
}

/**
 * The check-status 202, or, when the request has both `timeout` and `pollingInterval`
 * (seconds), the create-and-wait answer. Without `pollingInterval` the extension (Azure
 * Storage provider, no poll-free wait) does not wait at all; an interval above the timeout
 * is a bad argument.
 */
function checkStatusOrWait(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
): HostResponse | Promise<HostResponse> {
  const payload = checkStatusBody(ctx, req, id);
  const timeoutS = seconds(req, 'timeout');
  const intervalS = seconds(req, 'pollingInterval');
  if (timeoutS !== undefined && intervalS !== undefined) {
    if (intervalS > timeoutS)
      return {
        status: 400,
        body: {
          Message: 'One or more of the arguments submitted is incorrect',
          ExceptionMessage: `Total timeout ${timeoutS} should be bigger than retry timeout ${intervalS}`,
        },
      };
    return waitForCompletion(ctx, req, id, timeoutS * 1000, payload);
  }
  return {
    status: 202,
    headers: { Location: String(payload['statusQueryGetUri']), 'Retry-After': '10' },
    body: payload,
  };
}

/** The create-and-wait form: 200 with the output (or the status when it did not complete) once done, else 202. */
async function waitForCompletion(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
  timeoutMs: number,
  payload: Record<string, unknown>,
): Promise<HostResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = ctx.engine.getInstance(id);
    if (row !== undefined && terminalStatuses.has(row.status)) {
      if (row.status !== 'Completed') return instanceStatus(ctx, req, id, false);
      // The output as a JSON value, even when it is a string (the extension answers a JToken).
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: Buffer.from(JSON.stringify(toInstanceStatus(row).output ?? null)),
      };
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    const ac = new AbortController();
    await Promise.race([
      ctx.engine.nextChange(),
      sleepReal(left, ac.signal).catch(() => undefined),
    ]);
    ac.abort();
  }
  return {
    status: 202,
    headers: { Location: String(payload['statusQueryGetUri']), 'Retry-After': '10' },
    body: payload,
  };
}

function checkStatusBody(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
): Record<string, unknown> {
  const data = clientData({ origin: req.url.origin, hubName: ctx.hubName, code: ctx.code() });
  const urls = data['managementUrls'] as Record<string, string>;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(urls)) body[k] = v.replace('INSTANCEID', id);
  body['id'] = id;
  return body;
}

/** A seconds query parameter as the extension reads it (a number), undefined when absent or not a number. */
function seconds(req: HostRequest, name: string): number | undefined {
  const v = req.url.searchParams.get(name);
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
