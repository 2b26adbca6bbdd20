import { randomUUID } from 'node:crypto';

import { sleepReal } from '../../shared/clock/sleepReal.js';
import { InstanceConflictError, instanceIdProblem } from '../engine/createInstance.js';
import type { Engine } from '../engine/Engine.js';
import { schedulerId } from '../engine/entityMessages.js';
import { EventType } from '../engine/history.js';
import { toHistoryEvents, toInstanceStatus } from '../engine/statusPayload.js';
import type { FunctionRegistry } from '../load/FunctionRegistry.js';
import type { RuntimeStatus } from '../types.js';
import { clientData } from './clientData.js';
import { badRequest, flag, jsonBody, time } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

const terminal = new Set<RuntimeStatus>(['Completed', 'Failed', 'Terminated', 'Canceled']);
const statuses = new Set<string>([
  'Pending',
  'Running',
  'Completed',
  'ContinuedAsNew',
  'Failed',
  'Canceled',
  'Terminated',
  'Suspended',
]);
/**
 * The Durable HTTP management API (reference §4.1), mounted at `/runtime/webhooks/durabletask/`
 * and at the loopback `rpcBaseUrl` (`/durabletask/`). `segments` is the path after the mount.
 */
export class DurableApi {
  constructor(
    private readonly engine: Engine,
    private readonly registry: FunctionRegistry,
    private readonly hubName: string,
    private readonly code: () => string | undefined,
    private readonly log: (line: string) => void,
  ) {}

  private checkStatusBody(req: HostRequest, id: string): Record<string, unknown> {
    const data = clientData({ origin: req.url.origin, hubName: this.hubName, code: this.code() });
    const urls = data['managementUrls'] as Record<string, string>;
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(urls)) body[k] = v.replace('INSTANCEID', id);
    body['id'] = id;
    return body;
  }

  handle(req: HostRequest, segments: string[]): HostResponse | Promise<HostResponse> {
    const [head, a, b, c, ...rest] = segments;
    if (head === 'orchestrators' && a !== undefined && c === undefined && req.method === 'POST')
      return this.start(req, a, b);
    if (head === 'instances') {
      if ((a === undefined || a === '') && b === undefined) {
        if (req.method === 'GET') return this.list(req);
        if (req.method === 'DELETE') return this.purgeMany(req);
        return { status: 404 };
      }
      if (a === undefined) return { status: 404 };
      if (b === undefined) {
        if (req.method === 'GET') return this.status(req, a);
        if (req.method === 'DELETE') return this.purge(a);
        return { status: 404 };
      }
      if (req.method !== 'POST') return { status: 404 };
      if (b.toLowerCase() === 'raiseevent' && c !== undefined && rest.length === 0)
        return this.raise(req, a, c);
      if (c === undefined) return this.operation(req, a, b.toLowerCase());
    }
    if (head === 'entities' && a !== undefined && a !== '' && c === undefined)
      return this.entity(req, a, b);
    return { status: 404 };
  }

  private start(
    req: HostRequest,
    fnName: string,
    id: string | undefined,
  ): HostResponse | Promise<HostResponse> {
    const fn = this.registry.find(fnName);
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
      this.engine.start(
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
    return this.checkStatusOrWait(req, instanceId);
  }

  /**
   * The check-status 202, or, when the request has both `timeout` and `pollingInterval`
   * (seconds), the create-and-wait answer. Without `pollingInterval` the extension (Azure
   * Storage provider, no poll-free wait) does not wait at all; an interval above the timeout
   * is a bad argument.
   */
  private checkStatusOrWait(req: HostRequest, id: string): HostResponse | Promise<HostResponse> {
    const payload = this.checkStatusBody(req, id);
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
      return this.waitForCompletion(req, id, timeoutS * 1000, payload);
    }
    return {
      status: 202,
      headers: { Location: String(payload['statusQueryGetUri']), 'Retry-After': '10' },
      body: payload,
    };
  }

  /** The create-and-wait form: 200 with the output (or the status when it did not complete) once done, else 202. */
  private async waitForCompletion(
    req: HostRequest,
    id: string,
    timeoutMs: number,
    payload: Record<string, unknown>,
  ): Promise<HostResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = this.engine.getInstance(id);
      if (row !== undefined && terminal.has(row.status)) {
        if (row.status !== 'Completed') return this.status(req, id, false);
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
        this.engine.nextChange(),
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

  private status(req: HostRequest, id: string, failAs500?: boolean): HostResponse {
    const row = this.engine.getInstance(id);
    if (row === undefined) return { status: 404 };
    const showInput = flag(req, 'showInput', true);
    const payload: Record<string, unknown> = { ...toInstanceStatus(row, showInput) };
    // The extension reads no history for a Pending instance (it has none yet).
    if (flag(req, 'showHistory', false) && row.status !== 'Pending') {
      payload['historyEvents'] = toHistoryEvents(this.engine.store.history(id, row.execution_id), {
        showOutput: flag(req, 'showHistoryOutput', false),
        showInput,
      });
    }
    if (
      row.status === 'Failed' &&
      (failAs500 ?? flag(req, 'returnInternalServerErrorOnFailure', false))
    )
      return { status: 500, body: payload };
    if (terminal.has(row.status)) return { status: 200, body: payload };
    return { status: 202, headers: { Location: req.url.href, 'Retry-After': '5' }, body: payload };
  }

  private list(req: HostRequest): HostResponse {
    const from = time(req, 'createdTimeFrom');
    const to = time(req, 'createdTimeTo');
    if (from === 'bad' || to === 'bad')
      return badRequest('createdTimeFrom/createdTimeTo: expected ISO-8601 times');
    const statusParam = req.url.searchParams.get('runtimeStatus');
    const wanted = runtimeStatuses(statusParam);
    const topParam = req.url.searchParams.get('top');
    const top = topParam === null ? 100 : Number(topParam);
    if (!Number.isInteger(top) || top <= 0)
      return badRequest(`top: expected a positive integer, got "${topParam}"`);
    const token = req.header('x-ms-continuation-token');
    const after = token === undefined || token === '' ? undefined : readListToken(token);
    if (after === 'bad')
      return badRequest('x-ms-continuation-token: expected a token from a previous page');
    const showInput = flag(req, 'showInput', true);
    const rows = this.engine.store.listInstances({
      createdFrom: from,
      createdTo: to,
      statuses: wanted,
      prefix: req.url.searchParams.get('instanceIdPrefix') ?? undefined,
      ...(after === undefined ? {} : { after }),
      limit: top + 1,
    });
    const page = rows.slice(0, top);
    const last = page.at(-1);
    const headers: Record<string, string> = {};
    // Like the storage providers' tokens, the token names where the page ended (a key), not an
    // offset: instances created or purged between pages neither repeat nor hide others.
    if (rows.length > top && last !== undefined)
      headers['x-ms-continuation-token'] = Buffer.from(
        JSON.stringify([last.created_ms, last.id]),
      ).toString('base64');
    return { status: 200, headers, body: page.map((r) => toInstanceStatus(r, showInput)) };
  }

  private purge(id: string): HostResponse {
    const row = this.engine.getInstance(id);
    if (row === undefined) return { status: 404 };
    return { status: 200, body: { instancesDeleted: this.engine.purge(id) } };
  }

  private purgeMany(req: HostRequest): HostResponse {
    const from = time(req, 'createdTimeFrom');
    const to = time(req, 'createdTimeTo');
    if (from === undefined)
      return badRequest('createdTimeFrom: expected an ISO-8601 time, got nothing');
    if (from === 'bad' || to === 'bad')
      return badRequest('createdTimeFrom/createdTimeTo: expected ISO-8601 times');
    const statusParam = req.url.searchParams.get('runtimeStatus');
    const rows = this.engine.store.listInstances({
      createdFrom: from,
      createdTo: to,
      statuses: runtimeStatuses(statusParam),
    });
    let n = 0;
    for (const r of rows) n += this.engine.purge(r.id);
    return n === 0 ? { status: 404 } : { status: 200, body: { instancesDeleted: n } };
  }

  /** Checks in the extension's order: unknown instance 404, ended 410, then the content 400. */
  private raise(req: HostRequest, id: string, name: string): HostResponse {
    const row = this.engine.getInstance(id);
    if (row === undefined) return { status: 404 };
    if (terminal.has(row.status)) return { status: 410 };
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return badRequest('Only application/json request content is supported');
    const body = jsonBody(req);
    if (!body.ok) return badRequest('Invalid JSON content');
    if (/[/?#&]/.test(name))
      this.log(
        `warning: event name "${name}" contains / ? # or &, which DurableClient.raiseEvent cannot send intact`,
      );
    this.engine.raiseEvent(id, name, body.text);
    return { status: 202 };
  }

  /**
   * Starts the instance again with its original input: under a new id by default, or under
   * the same id (`restartWithNewInstanceId=false`, only once it has ended).
   */
  private restart(req: HostRequest, id: string): HostResponse | Promise<HostResponse> {
    const row = this.engine.getInstance(id);
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
      this.engine.start(row.name, newId, row.input);
    } catch (err) {
      if (err instanceof InstanceConflictError) return badRequest(err.message);
      throw err;
    }
    return this.checkStatusOrWait(req, newId);
  }

  private operation(
    req: HostRequest,
    id: string,
    op: string,
  ): HostResponse | Promise<HostResponse> {
    const row = this.engine.getInstance(id);
    const reason = req.url.searchParams.get('reason');
    const types: Record<string, number> = {
      terminate: EventType.ExecutionTerminated,
      suspend: EventType.ExecutionSuspended,
      resume: EventType.ExecutionResumed,
    };
    const type = types[op];
    if (type === undefined) {
      if (op === 'restart') return this.restart(req, id);
      if (op === 'rewind') return this.rewind(id, reason);
      return { status: 404 };
    }
    if (row === undefined) return { status: 404 };
    if (terminal.has(row.status)) return { status: 410 };
    this.engine.send(
      id,
      type,
      type === EventType.ExecutionTerminated ? { Input: reason } : { Reason: reason },
    );
    return { status: 202 };
  }

  /**
   * The `entities/{name}/{key}` routes (HttpApiHandler's entity handlers): GET answers the state
   * (200) or 404 when the entity does not exist; POST signals `?op=` with the body as input
   * (JSON when the content type says so, else the text); DELETE signals "delete". Listing
   * entities (no key) is not supported: 501.
   */
  private entity(req: HostRequest, name: string, key: string | undefined): HostResponse {
    if (key === undefined || key === '') {
      return {
        status: 501,
        body: { Message: 'Listing durable entities is not supported by the dev host.' },
      };
    }
    const id = schedulerId(name, key);
    if (req.method === 'GET') {
      const row = this.engine.store.getEntity(id);
      if (row?.present !== 1) return { status: 404 };
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: Buffer.from(row.state ?? 'null'),
      };
    }
    if (req.method !== 'POST' && req.method !== 'DELETE') return { status: 404 };
    const op = req.method === 'DELETE' ? 'delete' : (req.url.searchParams.get('op') ?? '');
    let input: string | null = null;
    if (req.body.length > 0) {
      const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type === 'application/json') {
        const body = jsonBody(req);
        if (!body.ok) return badRequest('Could not parse JSON content');
        input = body.text;
      } else input = JSON.stringify(req.body.toString('utf8'));
    }
    this.engine.signalEntity(id, op, input);
    return { status: 202 };
  }

  /**
   * Rewinds a Failed instance (and its failed sub-orchestrations): 202. A Completed,
   * Terminated or Canceled instance answers 410; a running one is the extension's
   * InvalidOperationException, a 500.
   */
  private rewind(id: string, reason: string | null): HostResponse {
    const row = this.engine.getInstance(id);
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
    this.engine.rewind(id, reason ?? '');
    return { status: 202 };
  }
}

/** A seconds query parameter as the extension reads it (a number), undefined when absent or not a number. */
function seconds(req: HostRequest, name: string): number | undefined {
  const v = req.url.searchParams.get(name);
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** OrchestrationRuntimeStatus by number, as Enum.TryParse also accepts them. */
const statusByNumber = [
  'Running',
  'Completed',
  'ContinuedAsNew',
  'Failed',
  'Canceled',
  'Terminated',
  'Pending',
  'Suspended',
];

/**
 * `runtimeStatus=a,b`: the status names (case-sensitive) or numbers; anything else is ignored,
 * as the extension's Enum.TryParse does; none left means no filter.
 */
function runtimeStatuses(param: string | null): string[] | undefined {
  if (param === null) return undefined;
  const known = param
    .split(',')
    .map((s) => s.trim())
    .map((s) => (/^\d+$/.test(s) ? statusByNumber[Number(s)] : statuses.has(s) ? s : undefined))
    .filter((s): s is string => s !== undefined);
  return known.length === 0 ? undefined : known;
}

/** Where a list page ended, from its continuation token; 'bad' for anything else. */
function readListToken(token: string): { createdMs: number; id: string } | 'bad' {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (Array.isArray(value) && Number.isInteger(value[0]) && typeof value[1] === 'string')
      return { createdMs: value[0] as number, id: value[1] };
  } catch {
    // not JSON: not one of ours
  }
  return 'bad';
}
